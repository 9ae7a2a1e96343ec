using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Http;
using Runtime.Engine.Layers;
using Runtime.Layers.WebAdapter;
using Serilog;

namespace Runtime.Bench.WebAdapter;

/// <summary>
/// Per-request cost of the web-adapter layer: the same request sent (A) straight to the app with an HttpClient set up
/// as the layer sets up its own, and (B) as an invocation through the engine (FunctionRuntime.InvokeAsync) whose
/// handler is the layer. Both against one Kestrel app in a child process, interleaved in rounds so drift hits both.
/// Reports p50/p90/p99 in µs and B - A at each.
/// </summary>
internal static class Program
{
    // An API Gateway HTTP API (payload 2.0) event: the layer reads its requestContext on aws-lambda only.
    private static readonly byte[] s_apiGatewayEvent = Encoding.UTF8.GetBytes("""
        {"version":"2.0","routeKey":"$default","rawPath":"/hello","rawQueryString":"","headers":{"accept":"*/*","host":"abc123.execute-api.eu-west-1.amazonaws.com","user-agent":"curl/8.5.0","x-amzn-trace-id":"Root=1-65a1b2c3-0123456789abcdef01234567","x-forwarded-for":"203.0.113.7","x-forwarded-port":"443","x-forwarded-proto":"https"},
         "requestContext":{"accountId":"123456789012","apiId":"abc123","domainName":"abc123.execute-api.eu-west-1.amazonaws.com","domainPrefix":"abc123","http":{"method":"GET","path":"/hello","protocol":"HTTP/1.1","sourceIp":"203.0.113.7","userAgent":"curl/8.5.0"},"requestId":"JKJaXmPLvHcESHA=","routeKey":"$default","stage":"$default","time":"10/Mar/2026:00:03:59 +0000","timeEpoch":1773101039000},
         "isBase64Encoded":false}
        """);

    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "serve")
        {
            TinyApp.Run();
            return 0;
        }
        int iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        int port = FreePort();
        using Process app = StartApp(port);
        try
        {
            await RunAsync(port, iterations).ConfigureAwait(false);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
        }
        return 0;
    }

    private static async Task RunAsync(int port, int iterations)
    {
        byte[] echoBody = new byte[4096];
        new Random(1).NextBytes(echoBody);
        var cases = new (string Name, string Platform, FaaSRequest Request, Func<HttpRequestMessage> Direct)[]
        {
            ("GET /hello (12 B answer)", "bench", Request("GET", "/hello", ReadOnlyMemory<byte>.Empty, null),
                () => Direct(port, HttpMethod.Get, "/hello", null, null)),
            ("POST /echo (4 KiB both ways)", "bench", Request("POST", "/echo", echoBody, "application/octet-stream"),
                () => Direct(port, HttpMethod.Post, "/echo", echoBody, "application/octet-stream")),
            ("GET /hello on aws-lambda (+ x-amzn-* context headers)", "aws-lambda", Request("GET", "/hello", ReadOnlyMemory<byte>.Empty, null),
                () => Direct(port, HttpMethod.Get, "/hello", null, null)),
        };

        using var handler = new SocketsHttpHandler
        {
            UseProxy = false, UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None,
            ActivityHeadersPropagator = null, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4),
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        Console.WriteLine($"web-adapter layer overhead: {iterations} requests per path, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("| request | path | p50 µs | p90 µs | p99 µs |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        foreach ((string name, string platform, FaaSRequest request, Func<HttpRequestMessage> direct) in cases)
        {
            await using FunctionRuntime runtime = await StartLayerAsync(port, platform).ConfigureAwait(false);
            var codec = new BenchCodec(request);
            using var output = new PooledBufferWriter();

            async Task<long> ViaLayer()
            {
                output.Reset();
                var invocation = new Invocation
                {
                    RequestId = "bench", Payload = s_apiGatewayEvent, Output = output, HttpCodec = codec,
                    Deadline = DateTimeOffset.UtcNow.AddMinutes(1),
                };
                long start = Stopwatch.GetTimestamp();
                InvocationResult result = await runtime.InvokeAsync(invocation).ConfigureAwait(false);
                long ticks = Stopwatch.GetTimestamp() - start;
                if (!result.IsSuccess || BitConverter.ToInt32(output.WrittenSpan) != 200 || output.WrittenCount <= 4)
                {
                    throw new InvalidOperationException(result.Error?.ErrorMessage ?? "bad answer through the layer");
                }
                return ticks;
            }

            async Task<long> Straight()
            {
                long start = Stopwatch.GetTimestamp();
                using HttpRequestMessage message = direct();
                using HttpResponseMessage answer = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                byte[] body = await answer.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                long ticks = Stopwatch.GetTimestamp() - start;
                if (answer.StatusCode != HttpStatusCode.OK || body.Length == 0)
                {
                    throw new InvalidOperationException("bad answer " + answer.StatusCode);
                }
                return ticks;
            }

            // Warm both paths (JIT, pooled connections), then interleave rounds of 100.
            for (int i = 0; i < 3000; i++)
            {
                await Straight().ConfigureAwait(false);
                await ViaLayer().ConfigureAwait(false);
            }
            var straight = new List<long>(iterations);
            var layered = new List<long>(iterations);
            for (int done = 0; done < iterations; done += 100)
            {
                for (int i = 0; i < 100; i++)
                {
                    straight.Add(await Straight().ConfigureAwait(false));
                }
                for (int i = 0; i < 100; i++)
                {
                    layered.Add(await ViaLayer().ConfigureAwait(false));
                }
            }
            double[] a = Percentiles(straight);
            double[] b = Percentiles(layered);
            Console.WriteLine($"| {name} | direct HttpClient | {a[0]:F1} | {a[1]:F1} | {a[2]:F1} |");
            Console.WriteLine($"| {name} | engine + layer | {b[0]:F1} | {b[1]:F1} | {b[2]:F1} |");
            Console.WriteLine($"| {name} | **added by the layer** | **{b[0] - a[0]:F1}** | {b[1] - a[1]:F1} | {b[2] - a[2]:F1} |");
        }
    }

    private static FaaSRequest Request(string method, string path, ReadOnlyMemory<byte> body, string? contentType)
    {
        var request = new FaaSRequest("bench", method, path) { Body = body };
        // The headers an API gateway typically passes on.
        request.Headers.Add("Host", "abc123.execute-api.eu-west-1.amazonaws.com");
        request.Headers.Add("User-Agent", "curl/8.5.0");
        request.Headers.Add("Accept", "*/*");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Port", "443");
        request.Headers.Add("X-Amzn-Trace-Id", "Root=1-65a1b2c3-0123456789abcdef01234567");
        if (contentType is not null)
        {
            request.Headers.Add("Content-Type", contentType);
        }
        return request;
    }

    private static HttpRequestMessage Direct(int port, HttpMethod method, string path, byte[]? body, string? contentType)
    {
        var message = new HttpRequestMessage(method, "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + path);
        message.Headers.TryAddWithoutValidation("Host", "abc123.execute-api.eu-west-1.amazonaws.com");
        message.Headers.TryAddWithoutValidation("User-Agent", "curl/8.5.0");
        message.Headers.TryAddWithoutValidation("Accept", "*/*");
        message.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        message.Headers.TryAddWithoutValidation("X-Forwarded-Port", "443");
        message.Headers.TryAddWithoutValidation("X-Amzn-Trace-Id", "Root=1-65a1b2c3-0123456789abcdef01234567");
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return message;
    }

    private static async Task<FunctionRuntime> StartLayerAsync(int port, string platform)
    {
        var builder = new FunctionAppBuilder();
        builder.Layers.AddWebAdapterLayer();
        ILogger logger = new LoggerConfiguration().CreateLogger();
        var settings = new Dictionary<string, string>
        {
            ["AWS_LWA_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["AWS_LWA_READINESS_CHECK_PATH"] = "/hello",
        };
        var runtime = new FunctionRuntime(builder, new FunctionInfo("bench", "$LATEST", 128, null, platform), logger, null, false,
            name => settings.TryGetValue(name, out string? value) ? value : null);
        await runtime.StartRuntimeAsync().ConfigureAwait(false);
        await runtime.StartFunctionAsync().ConfigureAwait(false);
        return runtime;
    }

    private static Process StartApp(int port)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Run as 'dotnet Runtime.Bench.WebAdapter.dll': the child needs the same.
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Runtime.Bench.WebAdapter.dll"));
        }
        start.ArgumentList.Add("serve");
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        return Process.Start(start) ?? throw new InvalidOperationException("the app did not start");
    }

    private static double[] Percentiles(List<long> ticks)
    {
        long[] sorted = ticks.OrderBy(t => t).ToArray();
        double Micro(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))] * 1_000_000.0 / Stopwatch.Frequency;
        return new[] { Micro(0.50), Micro(0.90), Micro(0.99) };
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
