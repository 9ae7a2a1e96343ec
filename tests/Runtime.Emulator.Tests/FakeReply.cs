using System;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Emulator.Tests;

/// <summary>What the fake server answers to one request.</summary>
internal sealed class FakeReply
{
    public int Status { get; init; } = 200;

    public string Reason { get; init; } = "OK";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>Send the body chunked (in two chunks) with a trailer, instead of Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>Close the connection after writing the answer (without saying so in a header).</summary>
    public bool CloseAfter { get; init; }

    /// <summary>Close the connection without answering.</summary>
    public bool Abort { get; init; }

    /// <summary>Hold the answer until this completes (bounded by <see cref="Some.Patience"/>).</summary>
    public System.Threading.Tasks.Task? HoldUntil { get; init; }

    /// <summary>Write these bytes instead of a response built from the other properties, then close.</summary>
    public byte[]? Raw { get; init; }

    public static FakeReply Text(string body, int status = 200, string reason = "OK", params (string Name, string Value)[] headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach ((string name, string value) in headers)
        {
            list.Add(new KeyValuePair<string, string>(name, value));
        }

        return new FakeReply { Status = status, Reason = reason, Headers = list, Body = Encoding.UTF8.GetBytes(body) };
    }
}
