using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.FloorHttpClient;

/// <summary>
/// The floor's loop (poll <c>/next</c>, post the event bytes back) written the way a runtime would use
/// <see cref="HttpClient"/>: its own <see cref="SocketsHttpHandler"/> without proxy, no client timeout (a long poll may
/// wait for minutes), <see cref="HttpCompletionOption.ResponseHeadersRead"/> on the poll, async all the way.
/// Any failure is an unhandled exception (non-zero exit); SIGTERM exits 0.
/// </summary>
internal static class Program
{
    private static async Task<int> Main()
    {
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, static _ => Environment.Exit(0));

        string? aws = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        string? scfHost = Environment.GetEnvironmentVariable("SCF_RUNTIME_API");
        string? scfPort = Environment.GetEnvironmentVariable("SCF_RUNTIME_API_PORT");
        string? huawei = Environment.GetEnvironmentVariable("RUNTIME_API_ADDR");
        using var handler = new SocketsHttpHandler { UseProxy = false };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        // Every serve loop runs until SIGTERM or a failure; none returns.
        if (!string.IsNullOrEmpty(aws))
        {
            await ServeAwsAsync(client, "http://" + aws + "/2018-06-01/runtime/invocation/").ConfigureAwait(false);
        }
        else if (!string.IsNullOrEmpty(scfHost) && !string.IsNullOrEmpty(scfPort))
        {
            await ServeScfAsync(client, "http://" + scfHost + ":" + scfPort + "/runtime/").ConfigureAwait(false);
        }
        else if (!string.IsNullOrEmpty(huawei))
        {
            await ServeHuaweiAsync(client, "http://" + huawei + "/v1/runtime/invocation/").ConfigureAwait(false);
        }

        throw new InvalidOperationException("floor-httpclient: set AWS_LAMBDA_RUNTIME_API, SCF_RUNTIME_API and SCF_RUNTIME_API_PORT, or RUNTIME_API_ADDR");
    }

    /// <summary>AWS Lambda Runtime API (protocols.md §1.2-1.4): the request id goes in the path, the invocation id is echoed.</summary>
    private static async Task ServeAwsAsync(HttpClient client, string invocationBase)
    {
        var next = new Uri(invocationBase + "next");
        while (true)
        {
            string requestId;
            string? invocationId;
            byte[] body;
            using (HttpResponseMessage poll = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false))
            {
                Expect(poll, HttpStatusCode.OK, "GET /runtime/invocation/next");
                requestId = poll.Headers.NonValidated.TryGetValues("Lambda-Runtime-Aws-Request-Id", out HeaderStringValues ids)
                    ? ids.ToString()
                    : throw new InvalidDataException("floor-httpclient: /next sent no Lambda-Runtime-Aws-Request-Id");
                invocationId = poll.Headers.NonValidated.TryGetValues("Lambda-Runtime-Invocation-Id", out HeaderStringValues invocationIds)
                    ? invocationIds.ToString()
                    : null;
                body = await poll.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }

            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(invocationBase + Uri.EscapeDataString(requestId) + "/response"))
            {
                Content = new ByteArrayContent(body),
            };
            if (invocationId is not null)
            {
                // Echoed unchanged when present (protocols.md §1.3).
                post.Headers.TryAddWithoutValidation("Lambda-Runtime-Invocation-Id", invocationId);
            }

            using HttpResponseMessage answer = await client.SendAsync(post).ConfigureAwait(false);

            // 202 is the answer; 410 means the invocation timed out meanwhile: drop the result and poll again (§1.2).
            if (answer.StatusCode != HttpStatusCode.Gone)
            {
                ExpectSuccess(answer, "POST /runtime/invocation/{id}/response");
            }
        }
    }

    /// <summary>Tencent SCF custom runtime (protocols.md §2): init/ready once, then fixed paths with no id.</summary>
    private static async Task ServeScfAsync(HttpClient client, string runtimeBase)
    {
        using (HttpResponseMessage ready = await client.PostAsync(new Uri(runtimeBase + "init/ready"), content: null).ConfigureAwait(false))
        {
            ExpectSuccess(ready, "POST /runtime/init/ready");
        }

        var next = new Uri(runtimeBase + "invocation/next");
        var response = new Uri(runtimeBase + "invocation/response");
        while (true)
        {
            byte[] body;
            using (HttpResponseMessage poll = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false))
            {
                Expect(poll, HttpStatusCode.OK, "GET /runtime/invocation/next");
                body = await poll.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }

            using HttpResponseMessage answer = await client.PostAsync(response, new ByteArrayContent(body)).ConfigureAwait(false);
            ExpectSuccess(answer, "POST /runtime/invocation/response");
        }
    }

    /// <summary>Huawei FunctionGraph custom runtime (protocols.md §4): the id comes in <c>X-Cff-Request-Id</c> and goes in the answer's path.</summary>
    private static async Task ServeHuaweiAsync(HttpClient client, string invocationBase)
    {
        var next = new Uri(invocationBase + "request");
        while (true)
        {
            string requestId;
            byte[] body;
            using (HttpResponseMessage poll = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false))
            {
                Expect(poll, HttpStatusCode.OK, "GET /v1/runtime/invocation/request");
                requestId = poll.Headers.NonValidated.TryGetValues("X-Cff-Request-Id", out HeaderStringValues ids)
                    ? ids.ToString()
                    : throw new InvalidDataException("floor-httpclient: the event came without X-Cff-Request-Id");
                body = await poll.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }

            using HttpResponseMessage answer = await client.PostAsync(
                new Uri(invocationBase + "response/" + Uri.EscapeDataString(requestId)), new ByteArrayContent(body)).ConfigureAwait(false);
            ExpectSuccess(answer, "POST /v1/runtime/invocation/response/{id}");
        }
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidDataException("floor-httpclient: " + what + " answered " + (int)response.StatusCode);
        }
    }

    private static void ExpectSuccess(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidDataException("floor-httpclient: " + what + " answered " + (int)response.StatusCode);
        }
    }
}
