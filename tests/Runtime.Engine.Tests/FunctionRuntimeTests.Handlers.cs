using System;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions;
using Runtime.Engine.Lifecycle;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed record Order(string Id, int Quantity);

public sealed record Receipt(string OrderId, int Total);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

public sealed partial class FunctionRuntimeTests
{
    private static FunctionAppBuilder TypedBuilder()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddEvent("orders", TestJsonContext.Default.Order, TestJsonContext.Default.Receipt,
            (ctx, order) => ValueTask.FromResult(new Receipt(order.Id, order.Quantity * 10)));
        return builder;
    }

    [Fact]
    public async Task Typed_ValidEvent_WritesJsonResult()
    {
        await using FunctionRuntime runtime = await Some.StartedRuntime(TypedBuilder());
        using var output = new PooledBufferWriter();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("""{"Id":"o-1","Quantity":3}""", output));

        Assert.True(result.IsSuccess);
        Assert.Equal("application/json", result.ContentType);
        Assert.Equal("""{"OrderId":"o-1","Total":30}""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("{\"Id\":", "could not be read")]
    [InlineData("", "the event is empty")]
    [InlineData("null", "JSON null")]
    [InlineData("[1,2]", "could not be read")]
    public async Task Typed_BadEvent_ReportsInvalidEvent(string payload, string expected)
    {
        await using FunctionRuntime runtime = await Some.StartedRuntime(TypedBuilder());
        using var output = new PooledBufferWriter();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation(payload, output));

        Assert.Equal(ErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Equal(FaaSErrorCategory.Runtime, result.Error.Category);
        Assert.Contains(expected, result.Error.ErrorMessage);
        Assert.Contains("'orders'", result.Error.ErrorMessage);
        Assert.Contains(nameof(Order), result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Http_NoCodec_ReportsNotHttpEvent()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddHttp("web", (ctx, req, res) => default);
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Equal(ErrorTypes.NotHttpEvent, result.Error!.ErrorType);
        Assert.Contains("not an HTTP-shaped event", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Services_ScopedService_IsNewPerInvocationAndDisposedAfter()
    {
        var builder = new FunctionAppBuilder();
        builder.Services.AddScoped(_ => new ScopedThing());
        ScopedThing? first = null;
        ScopedThing? second = null;
        builder.Functions.AddRaw("fn", ctx =>
        {
            ScopedThing thing = ctx.Services.GetRequiredService<ScopedThing>();
            Assert.Same(thing, ctx.Services.GetRequiredService<ScopedThing>());
            if (first is null)
            {
                first = thing;
            }
            else
            {
                second = thing;
            }
            return default;
        });
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        await runtime.InvokeAsync(Some.Invocation("{}", output));
        await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.NotSame(first, second);
        Assert.True(first!.Disposed);
        Assert.True(second!.Disposed);
    }

    [Fact]
    public async Task Services_PerInvocationHandler_IsBuiltFromTheScope()
    {
        var builder = new FunctionAppBuilder();
        builder.Services.AddScoped(_ => new ScopedThing());
        int built = 0;
        builder.Functions.Add("fn", sp => { built++; return new ThingHandler(sp.GetRequiredService<ScopedThing>()); }, FunctionLifetime.PerInvocation);
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        await runtime.InvokeAsync(Some.Invocation("{}", output));
        await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Equal(2, built);
    }

    [Fact]
    public async Task Context_Deadline_GivesRemainingTimeAndAToken()
    {
        var builder = new FunctionAppBuilder();
        TimeSpan remaining = TimeSpan.Zero;
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.Functions.AddRaw("fn", async ctx =>
        {
            remaining = ctx.RemainingTime;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ctx.CancellationToken);
                cancelled.TrySetResult(false);
            }
            catch (OperationCanceledException) when (ctx.CancellationToken.IsCancellationRequested)
            {
                cancelled.TrySetResult(true);
            }
        });
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        await runtime.InvokeAsync(Some.Invocation("{}", output, DateTimeOffset.UtcNow.AddMilliseconds(200)));

        Assert.InRange(remaining, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(200));
        // Awaited rather than read: on a loaded machine the handler may see its token after the runtime's 100 ms grace
        // (and then be answered Function.Timeout without it); either way its token was cancelled at the deadline.
        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Context_Logger_CarriesTheRequestId()
    {
        var (logger, events) = Some.Logger();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", ctx => { ctx.Logger.Information("working"); return default; });
        await using var runtime = new FunctionRuntime(builder, Some.Function(), logger, null, false);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        using var output = new PooledBufferWriter();
        Invocation invocation = Some.Invocation("{}", output);

        await runtime.InvokeAsync(invocation);

        Serilog.Events.LogEvent logged = Assert.Single(events, e => e.MessageTemplate.Text == "working");
        Assert.Equal($"\"{invocation.RequestId}\"", logged.Properties["RequestId"].ToString());
    }

    private sealed class ScopedThing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class ThingHandler : IFunctionHandler
    {
        public ThingHandler(ScopedThing thing) => _ = thing;

        public ValueTask InvokeAsync(FaaSContext context) => default;
    }
}
