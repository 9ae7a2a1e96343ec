using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>A request a caller is about to write: the emulator decides every header and their order; the writer adds framing.</summary>
internal sealed class OutgoingRequest
{
    public OutgoingRequest(string method, string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (target[0] != '/' && target != "*")
        {
            throw new ArgumentException("The request target must start with '/'.", nameof(target));
        }

        Method = method;
        Target = target;
    }

    public string Method { get; }

    public string Target { get; }

    /// <summary>Header fields in the order they are written. Content-Length / Transfer-Encoding are added by the writer.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>Send the body with <c>Transfer-Encoding: chunked</c> instead of Content-Length.</summary>
    public bool Chunked { get; set; }

    /// <summary>Largest chunk when <see cref="Chunked"/>.</summary>
    public int ChunkSize { get; set; } = 16 * 1024;

    public bool IsHead => string.Equals(Method, "HEAD", StringComparison.OrdinalIgnoreCase);

    public void Add(string name, string value) => Headers.Add(new KeyValuePair<string, string>(name, value));

    public int IndexOf(string name)
    {
        for (int i = 0; i < Headers.Count; i++)
        {
            if (Headers[i].Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
