using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Http;
using Runtime.Layers.AspNetCore;
using Runtime.Light.Triggers;
using Serilog;
using ILogger = Serilog.ILogger;

namespace Runtime.Micro;

/// <summary>
/// The per-invocation cost of the ASP.NET Core adapter: the same API Gateway HTTP API (payload 2.0) event, decoded and
/// encoded by the real AWS codec, answered once by a plain <c>AddHttp</c> handler and once by a minimal-API endpoint
/// through the layer (features, HttpContext, routing, endpoint, response copy). The difference is the adapter plus
/// ASP.NET Core's own pipeline. Runs on the JIT (minimal APIs through RequestDelegateFactory); a native-AOT bootstrap
/// runs the RequestDelegateGenerator's code instead.
/// </summary>
[MemoryDiagnoser]
public class AspNetCoreAdapterBenchmarks
{
    private static readonly byte[] s_get = Encoding.UTF8.GetBytes(Event("GET", "/hello/ada", ""));
    private static readonly byte[] s_post = Encoding.UTF8.GetBytes(Event("POST", "/orders", """{"Id":"o-1","Quantity":3}"""));

    private readonly PooledBufferWriter _output = new();
    private readonly AwsHttpCodec _codec = new();
    private FunctionRuntime _plain = null!;
    private FunctionRuntime _aspNetCore = null!;
    private FunctionRuntime _aspNetCoreQuiet = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        ILogger logger = new LoggerConfiguration().CreateLogger();
        var info = new FunctionInfo("bench", "$LATEST", 128, null, "bench");

        var plain = new FunctionAppBuilder();
        plain.Functions.AddHttp("plain", static (ctx, request, response) =>
        {
            if (request.Method == "POST")
            {
                Order order = JsonSerializer.Deserialize(request.Body.Span, MicroJson.Default.Order)!;
                response.ContentType = "application/json; charset=utf-8";
                response.Write(JsonSerializer.SerializeToUtf8Bytes(new Receipt(order.Id, order.Quantity * 10), MicroJson.Default.Receipt));
            }
            else
            {
                response.ContentType = "text/plain; charset=utf-8";
                response.Write("Hello, " + request.Path["/hello/".Length..] + "!");
            }
            return ValueTask.CompletedTask;
        });
        _plain = await Start(plain, info, logger);
        _aspNetCore = await Start(AspNetCoreFunction(forwardLogs: true), info, logger);
        _aspNetCoreQuiet = await Start(AspNetCoreFunction(forwardLogs: false), info, logger);
        await Check(_plain);
        await Check(_aspNetCore);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (FunctionRuntime runtime in new[] { _plain, _aspNetCore, _aspNetCoreQuiet })
        {
            await runtime.CloseAsync("bench", TimeSpan.FromSeconds(5));
            await runtime.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public ValueTask<InvocationResult> PlainHttpHandler_GetText() => Invoke(_plain, s_get);

    [Benchmark]
    public ValueTask<InvocationResult> AspNetCore_GetText() => Invoke(_aspNetCore, s_get);

    /// <summary>The app with no logging provider at all: the difference to <see cref="AspNetCore_GetText"/> is the log forwarding (a request scope per invocation).</summary>
    [Benchmark]
    public ValueTask<InvocationResult> AspNetCore_GetText_NoLogging() => Invoke(_aspNetCoreQuiet, s_get);

    [Benchmark]
    public ValueTask<InvocationResult> PlainHttpHandler_PostJson() => Invoke(_plain, s_post);

    [Benchmark]
    public ValueTask<InvocationResult> AspNetCore_PostJson() => Invoke(_aspNetCore, s_post);

    private static FunctionAppBuilder AspNetCoreFunction(bool forwardLogs)
    {
        // No appsettings reload watcher: a function's files never change.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = new[] { "--hostBuilder:reloadConfigOnChange=false" } });
        builder.UseFaaS(o => o.ForwardLogs = forwardLogs);
        if (!forwardLogs)
        {
            // Not the app's console logger (what ForwardLogs = false leaves): that writes two lines per request.
            builder.Logging.ClearProviders();
        }
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, MicroJson.Default));
        WebApplication app = builder.Build();
        app.MapGet("/hello/{name}", (string name) => "Hello, " + name + "!");
        app.MapPost("/orders", (Order order) => new Receipt(order.Id, order.Quantity * 10));
        var function = new FunctionAppBuilder();
        function.Layers.AddAspNetCore(app);
        return function;
    }

    private ValueTask<InvocationResult> Invoke(FunctionRuntime runtime, byte[] payload)
    {
        _output.Reset();
        return runtime.InvokeAsync(new Invocation
        {
            RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            Payload = payload,
            HttpCodec = _codec,
            Output = _output,
        });
    }

    private async Task Check(FunctionRuntime runtime)
    {
        // Both functions must give the same answers, or the comparison means nothing.
        foreach ((byte[] payload, string expected) in new[] { (s_get, "Hello, ada!"), (s_post, "{\\\"OrderId\\\":\\\"o-1\\\",\\\"Total\\\":30}") })
        {
            InvocationResult result = await Invoke(runtime, payload);
            string output = Encoding.UTF8.GetString(_output.WrittenSpan);
            // Case aside: ASP.NET Core's web JSON defaults camel-case the names.
            if (!result.IsSuccess || !output.Contains(expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Unexpected answer: {result.Error?.ErrorMessage} {output}");
            }
        }
    }

    private static async Task<FunctionRuntime> Start(FunctionAppBuilder builder, FunctionInfo info, ILogger logger)
    {
        var runtime = new FunctionRuntime(builder, info, logger, null, false);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }

    private static string Event(string method, string path, string body) =>
        "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
        + "\"headers\":{\"content-type\":\"application/json\",\"host\":\"abc.lambda-url.us-east-1.on.aws\",\"x-forwarded-proto\":\"https\"},"
        + "\"requestContext\":{\"http\":{\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"sourceIp\":\"198.51.100.7\"},\"requestId\":\"r\"},"
        + "\"body\":\"" + JsonEncodedText.Encode(body).Value + "\",\"isBase64Encoded\":false}";
}
