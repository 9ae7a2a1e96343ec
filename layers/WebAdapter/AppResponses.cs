using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Http;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// Copies the app's answer into the function's response: status, every header value in order (a repeated header stays
/// repeated), each <c>Set-Cookie</c> into <see cref="FaaSResponse.Cookies"/>, and the body bytes as they are. The
/// framing headers (<c>Content-Length</c>, <c>Transfer-Encoding</c>, connection headers) are left out: the platform's
/// response shape frames the body itself.
/// </summary>
internal static class AppResponses
{
    private const int ChunkSize = 16 * 1024;

    public static void CopyHead(HttpResponseMessage answer, FaaSResponse response)
    {
        response.StatusCode = (int)answer.StatusCode;
        foreach ((string name, HeaderStringValues values) in answer.Headers.NonValidated)
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                foreach (string cookie in values)
                {
                    response.Cookies.Add(cookie);
                }
            }
            else if (!IsFraming(name))
            {
                foreach (string value in values)
                {
                    response.Headers.Add(name, value);
                }
            }
        }
        foreach ((string name, HeaderStringValues values) in answer.Content.Headers.NonValidated)
        {
            if (!IsFraming(name))
            {
                foreach (string value in values)
                {
                    response.Headers.Add(name, value);
                }
            }
        }
    }

    /// <summary>Reads the whole body into the function's response, through one pooled chunk.</summary>
    public static async Task CopyBodyAsync(HttpResponseMessage answer, FaaSResponse response, CancellationToken cancellationToken = default)
    {
        Stream body = await answer.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using (body.ConfigureAwait(false))
            {
                int read;
                while ((read = await body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    response.Write(chunk.AsSpan(0, read));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Reads the whole body into <paramref name="sink"/> (the invocation's output), without an intermediate copy.</summary>
    public static async Task CopyBodyAsync(HttpResponseMessage answer, IBufferWriter<byte> sink, CancellationToken cancellationToken = default)
    {
        Stream body = await answer.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            while (true)
            {
                Memory<byte> chunk = sink.GetMemory(ChunkSize);
                int read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                sink.Advance(read);
            }
        }
    }

    private static bool IsFraming(string name) => name.Length switch
    {
        7 => name.Equals("Trailer", StringComparison.OrdinalIgnoreCase) || name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase),
        10 => name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase),
        14 => name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase),
        16 => name.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase),
        17 => name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
