using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Runtime.Emulator;

/// <summary>Recording of requests and writing of small fixed responses, shared by the emulators.</summary>
internal static class HttpExchange
{
    private static readonly TimeSpan s_truncateGrace = TimeSpan.FromMilliseconds(50);

    public static readonly byte[] StatusOkBody = """{"status":"OK"}"""u8.ToArray();

    /// <summary>Reads the whole request (headers, body, trailers) and records it.</summary>
    public static async Task<RecordedRequest> RecordAsync(HttpContext context, RequestJournal journal, CancellationToken cancellationToken = default)
    {
        long arrived = Stopwatch.GetTimestamp();
        int slot = journal.Reserve();
        HttpRequest request = context.Request;
        Dictionary<string, string> headers = CopyHeaders(request.Headers);
        byte[] body = await ReadBodyAsync(context, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, string> trailers = ReadTrailers(context);
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? string.Empty, headers, body, arrived, trailers);
        journal.Fill(slot, recorded);
        return recorded;
    }

    public static Task WriteAsync(HttpContext context, int status, byte[] body, string? contentType = "application/json")
    {
        HttpResponse response = context.Response;
        response.StatusCode = status;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        response.ContentLength = body.Length;
        return body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(body.AsMemory()).AsTask();
    }

    /// <summary>The platform's error body shape: <c>{"errorMessage":"…","errorType":"…"}</c>.</summary>
    /// <summary>
    /// Writes an event body with its <c>Content-Length</c>; with <paramref name="truncate"/>, writes only the first half
    /// and then resets the connection (the fault <see cref="InvocationOptions.TruncateEvent"/>).
    /// </summary>
    public static async Task WritePayloadAsync(HttpContext context, byte[] payload, bool truncate)
    {
        HttpResponse response = context.Response;
        response.ContentLength = payload.Length;
        if (truncate)
        {
            await response.Body.WriteAsync(payload.AsMemory(0, payload.Length / 2)).ConfigureAwait(false);
            await response.Body.FlushAsync().ConfigureAwait(false);

            // Injected latency, not a test wait: the abort is a TCP reset, and a reset discards whatever the peer has
            // not read yet, so give the head and the half body time to be read first.
            await Task.Delay(s_truncateGrace).ConfigureAwait(false);
            context.Abort();
            return;
        }

        if (payload.Length > 0)
        {
            await response.Body.WriteAsync(payload.AsMemory()).ConfigureAwait(false);
        }
    }

    public static byte[] ErrorBody(string errorType, string errorMessage)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteString("errorType", errorType);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string? Header(RecordedRequest request, string name) =>
        request.Headers.TryGetValue(name, out string? value) ? value : null;

    private static Dictionary<string, string> CopyHeaders(IHeaderDictionary source)
    {
        var headers = new Dictionary<string, string>(source.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in source)
        {
            headers[header.Key] = header.Value.ToString();
        }

        return headers;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        HttpRequest request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return Array.Empty<byte>();
        }

        if (request.ContentLength is long length && length <= Array.MaxLength)
        {
            if (length == 0)
            {
                return Array.Empty<byte>();
            }

            byte[] exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static IReadOnlyDictionary<string, string> ReadTrailers(HttpContext context)
    {
        IHttpRequestTrailersFeature? feature = context.Features.Get<IHttpRequestTrailersFeature>();
        if (feature is null || !feature.Available || feature.Trailers.Count == 0)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        return CopyHeaders(feature.Trailers);
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
