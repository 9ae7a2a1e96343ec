using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Http;
using Serilog;
using Serilog.Core;
using Xunit;

namespace Runtime.Engine.Generators.Tests;

/// <summary>
/// The Shop sample's function files are compiled into this project with the generator as a real analyzer (see the
/// csproj), so these tests call the AddAnnotatedFunctions() it generated and run what it registered.
/// </summary>
public sealed class ShopRegistrationTests
{
    [Fact]
    public void AddAnnotatedFunctions_Shop_RegistersThreeFunctionsByName()
    {
        var builder = new FunctionAppBuilder();

        builder.AddAnnotatedFunctions();

        Assert.Equal(new[] { "hello", "orders", "tick" }, builder.Functions.All.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(Functions.FunctionLifetime.PerInvocation, builder.Functions.Find("orders")!.Lifetime);
        Assert.Equal(Functions.FunctionLifetime.Singleton, builder.Functions.Find("hello")!.Lifetime);
    }

    [Fact]
    public async Task Invoke_Hello_GreetsThePathParameter()
    {
        await using FunctionRuntime runtime = await Started("hello");
        var request = new FaaSRequest("test", "GET", "/hello/ada");
        request.PathParameters["name"] = "ada";

        (InvocationResult result, string body) = await Invoke(runtime, "{}", new FixedCodec(request));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("200 Hello, ada! (from shop)", body);
    }

    [Fact]
    public async Task Invoke_HelloWithoutPathParameters_ReadsThePath()
    {
        await using FunctionRuntime runtime = await Started("hello");

        (_, string body) = await Invoke(runtime, "{}", new FixedCodec(new FaaSRequest("test", "GET", "/api/hello/grace")));

        Assert.Equal("200 Hello, grace! (from shop)", body);
    }

    [Fact]
    public async Task Invoke_Orders_AnswersReceiptJson()
    {
        await using FunctionRuntime runtime = await Started("orders");
        var request = new FaaSRequest("test", "POST", "/orders") { Body = Encoding.UTF8.GetBytes("""{"sku":"tea","quantity":2}""") };

        (InvocationResult result, string body) = await Invoke(runtime, "{}", new FixedCodec(request));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("""201 {"orderId":"o-1","sku":"tea","quantity":2}""", body);
    }

    [Fact]
    public async Task Invoke_Tick_ReadsTimerEventAndWritesReport()
    {
        await using FunctionRuntime runtime = await Started("tick");

        (InvocationResult result, string body) = await Invoke(runtime, """{"Type":"Timer","Time":"2026-11-25T10:00:00Z"}""", codec: null);

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("""{"function":"tick","time":"2026-11-25T10:00:00Z","ordersSeen":0}""", body);
    }

    private static async Task<FunctionRuntime> Started(string handler)
    {
        var builder = new FunctionAppBuilder();
        builder.AddAnnotatedFunctions();
        var runtime = new FunctionRuntime(builder, new FunctionInfo("shop", "$LATEST", 128, handler, "test"), Logger.None, handler,
            explicitHandler: true, environment: static _ => null);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }

    private static async Task<(InvocationResult Result, string Body)> Invoke(FunctionRuntime runtime, string payload, IHttpEventCodec? codec)
    {
        using var output = new PooledBufferWriter();
        InvocationResult result = await runtime.InvokeAsync(new Invocation
        {
            RequestId = "r-1",
            Payload = Encoding.UTF8.GetBytes(payload),
            Output = output,
            HttpCodec = codec,
        });
        return (result, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    /// <summary>Hands the function one fixed request and writes its response as <c>status body</c>.</summary>
    private sealed class FixedCodec : IHttpEventCodec
    {
        private readonly FaaSRequest _request;

        public FixedCodec(FaaSRequest request) => _request = request;

        public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
        {
            request = _request;
            return true;
        }

        public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
        {
            output.Write(Encoding.UTF8.GetBytes(response.StatusCode + " "));
            output.Write(response.Body.Span);
            return "text/plain";
        }
    }
}
