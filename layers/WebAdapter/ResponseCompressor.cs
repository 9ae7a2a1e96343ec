using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using Runtime.Engine.Http;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// <c>AWS_LWA_ENABLE_COMPRESSION</c> for buffered answers, with the rules LWA gets from tower-http's compression layer:
/// brotli, gzip or deflate by the client's <c>Accept-Encoding</c> (highest q wins; ties prefer br, then gzip), never
/// for bodies under 32 bytes, images (except SVG), server-sent events or gRPC, nor when the app already encoded the body.
/// </summary>
internal static class ResponseCompressor
{
    private const int MinimumSize = 32;

    /// <summary>Compresses the body in place when the rules allow; returns the encoding used, or null.</summary>
    public static string? TryCompress(FaaSRequest request, FaaSResponse response)
    {
        if (response.Body.Length < MinimumSize || response.Headers.Contains("Content-Encoding") || !Compressible(response.ContentType))
        {
            return null;
        }
        string? encoding = Choose(request.Headers.GetValues("Accept-Encoding"));
        if (encoding is null)
        {
            return null;
        }
        ReadOnlySpan<byte> body = response.Body.Span;
        if (encoding == "br")
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(body.Length));
            try
            {
                if (!BrotliEncoder.TryCompress(body, buffer, out int written, quality: 4, window: 22))
                {
                    return null;
                }
                Replace(response, buffer.AsSpan(0, written));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else
        {
            using var compressed = new MemoryStream(body.Length / 2 + 64);
            using (Stream stream = encoding == "gzip"
                       ? new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)
                       : new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                stream.Write(body);
            }
            Replace(response, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }
        response.Headers.Set("Content-Encoding", encoding);
        bool varies = false;
        foreach (string vary in response.Headers.GetValues("Vary"))
        {
            varies |= vary.Contains("accept-encoding", StringComparison.OrdinalIgnoreCase) || vary.Trim() == "*";
        }
        if (!varies)
        {
            response.Headers.Add("Vary", "Accept-Encoding");
        }
        return encoding;
    }

    /// <summary>The encoding to use for these <c>Accept-Encoding</c> values, or null for none.</summary>
    internal static string? Choose(IReadOnlyList<string> acceptEncoding)
    {
        string? best = null;
        double bestQ = 0;
        int bestRank = int.MaxValue;
        foreach (string header in acceptEncoding)
        {
            foreach (string item in header.Split(','))
            {
                string[] parts = item.Split(';');
                string token = parts[0].Trim().ToLowerInvariant();
                int rank = token switch { "br" => 0, "gzip" => 1, "deflate" => 2, _ => -1 };
                if (rank < 0)
                {
                    continue;
                }
                double q = 1;
                for (int i = 1; i < parts.Length; i++)
                {
                    string parameter = parts[i].Trim();
                    if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && !double.TryParse(parameter.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out q))
                    {
                        q = 0;
                    }
                }
                if (q > 0 && (q > bestQ || (q == bestQ && rank < bestRank)))
                {
                    best = token;
                    bestQ = q;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    private static bool Compressible(string? contentType)
    {
        if (contentType is null)
        {
            return true;
        }
        ReadOnlySpan<char> type = contentType.AsSpan().Trim();
        if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return type.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase);
        }
        return !type.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
    }

    private static void Replace(FaaSResponse response, ReadOnlySpan<byte> body)
    {
        response.ClearBody();
        response.Write(body);
    }
}
