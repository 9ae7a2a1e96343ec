using System;
using System.Collections.Generic;
using System.Text;
using Runtime.Engine.Buffers;

namespace Runtime.Engine.Http;

/// <summary>
/// The HTTP response an HTTP handler writes: status, headers, cookies and a binary-safe body. The platform's
/// codec turns it into the shape the trigger expects (API gateway JSON, raw HTTP, ...).
/// </summary>
public sealed class FaaSResponse
{
    private readonly PooledBufferWriter _body;

    internal FaaSResponse(PooledBufferWriter body)
    {
        _body = body;
    }

    /// <summary>The status code; 200 unless set.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Response headers other than <c>Set-Cookie</c> (use <see cref="Cookies"/> for those).</summary>
    public MultiMap Headers { get; } = new(ignoreCase: true);

    /// <summary><c>Set-Cookie</c> values, one per cookie.</summary>
    public List<string> Cookies { get; } = new();

    /// <summary>The content type; shorthand for the <c>Content-Type</c> header.</summary>
    public string? ContentType
    {
        get => Headers.Get("Content-Type");
        set
        {
            if (value is null)
            {
                Headers.Remove("Content-Type");
            }
            else
            {
                Headers.Set("Content-Type", value);
            }
        }
    }

    /// <summary>The body written so far.</summary>
    public ReadOnlyMemory<byte> Body => _body.WrittenMemory;

    /// <summary>Appends bytes to the body.</summary>
    public void Write(ReadOnlySpan<byte> bytes) => _body.Write(bytes);

    /// <summary>Appends UTF-8 text to the body.</summary>
    public void Write(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        int written = Encoding.UTF8.GetBytes(text, _body.GetSpan(max));
        _body.Advance(written);
    }

    /// <summary>Discards the body written so far.</summary>
    public void ClearBody() => _body.Reset();
}
