using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator.Tests;

/// <summary>A runtime played by a plain HttpClient (no timeout on polls, as the platform docs require).</summary>
internal sealed class FakeRuntime : IDisposable
{
    private readonly HttpClient _client;

    public FakeRuntime(Uri baseAddress)
    {
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public static FakeRuntime For(AwsRuntimeApiEmulator aws) => new(aws.BaseAddress);

    public static FakeRuntime For(ScfRuntimeApiEmulator scf) => new(scf.BaseAddress);

    public static FakeRuntime For(HuaweiRuntimeApiEmulator huawei) => new(huawei.BaseAddress);

    public Task<HttpResponseMessage> GetAsync(string relative, CancellationToken cancellationToken = default) =>
        _client.GetAsync(relative, HttpCompletionOption.ResponseContentRead, cancellationToken);

    public Task<HttpResponseMessage> NextAsync(CancellationToken cancellationToken = default) =>
        GetAsync("runtime/invocation/next", cancellationToken);

    public Task<HttpResponseMessage> RespondAsync(string requestId, string body, string contentType = "application/json", CancellationToken cancellationToken = default) =>
        PostAsync($"runtime/invocation/{requestId}/response", Encoding.UTF8.GetBytes(body), contentType, null, cancellationToken);

    public Task<HttpResponseMessage> ErrorAsync(string requestId, string body, string? errorType = "Unhandled", CancellationToken cancellationToken = default) =>
        PostAsync(
            $"runtime/invocation/{requestId}/error",
            Encoding.UTF8.GetBytes(body),
            "application/vnd.aws.lambda.error+json",
            errorType is null ? null : new Dictionary<string, string> { ["Lambda-Runtime-Function-Error-Type"] = errorType },
            cancellationToken);

    public async Task<HttpResponseMessage> PostAsync(
        string relative,
        byte[] body,
        string? contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, relative) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (headers is not null)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return await _client.SendAsync(request, cancellationToken);
    }

    /// <summary>A header from the response or its content, or null.</summary>
    public static string? Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out IEnumerable<string>? values)
            || response.Content.Headers.TryGetValues(name, out values))
        {
            return string.Join(",", values);
        }

        return null;
    }

    public static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>Serves exactly <paramref name="count"/> invocations with <paramref name="answer"/> (AWS paths).</summary>
    public async Task ServeAwsAsync(int count, Func<string, string, (bool IsError, string Body)> answer, CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            using HttpResponseMessage next = await NextAsync(cancellationToken);
            string id = Header(next, "Lambda-Runtime-Aws-Request-Id") ?? throw new InvalidOperationException("no request id");
            (bool isError, string body) = answer(id, await BodyAsync(next));
            using HttpResponseMessage posted = isError ? await ErrorAsync(id, body, "Unhandled", cancellationToken) : await RespondAsync(id, body, "application/json", cancellationToken);
            posted.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Serves exactly <paramref name="count"/> invocations with <paramref name="answer"/> (SCF paths).</summary>
    public async Task ServeScfAsync(int count, Func<string, (bool IsError, string Body)> answer, CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            using HttpResponseMessage next = await NextAsync(cancellationToken);
            (bool isError, string body) = answer(await BodyAsync(next));
            using HttpResponseMessage posted = await PostAsync(isError ? "runtime/invocation/error" : "runtime/invocation/response", Encoding.UTF8.GetBytes(body), "application/json", null, cancellationToken);
            posted.EnsureSuccessStatusCode();
        }
    }

    public static string[] HeaderNames(HttpResponseMessage response) =>
        response.Headers.Select(static h => h.Key).Concat(response.Content.Headers.Select(static h => h.Key)).ToArray();

    public void Dispose() => _client.Dispose();
}
