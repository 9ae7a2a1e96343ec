using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed partial class FunctionRuntimeTests
{
    [Fact]
    public async Task Invoke_HandlerCancelledByTheDeadline_ReportsFunctionTimeout()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", async ctx => await Task.Delay(Timeout.Infinite, ctx.CancellationToken));
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output, DateTimeOffset.UtcNow.AddMilliseconds(50)))
            .AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Function.Timeout", result.Error!.ErrorType);
        Assert.Contains("ran past its deadline", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Invoke_HandlerCancelsItselfBeforeTheDeadline_ReportsTheCancellationAsIs()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", _ => throw new OperationCanceledException("gave up"));
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output, DateTimeOffset.UtcNow.AddMinutes(5)));

        Assert.Equal("System.OperationCanceledException", result.Error!.ErrorType);
    }
}
