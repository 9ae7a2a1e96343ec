using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Runtime.Emulator;

/// <summary>The runtime's answer for one invocation: its <c>/response</c> or <c>/error</c> request and what the emulator replied.</summary>
public sealed class InvocationOutcome
{
    private string? _bodyText;

    internal InvocationOutcome(
        string requestId,
        bool isError,
        RecordedRequest request,
        long deliveredTimestamp,
        long completedTimestamp,
        int statusReturned)
    {
        RequestId = requestId;
        IsError = isError;
        Request = request;
        DeliveredTimestamp = deliveredTimestamp;
        CompletedTimestamp = completedTimestamp;
        StatusReturned = statusReturned;
        request.Headers.TryGetValue("Content-Type", out string? contentType);
        ContentType = contentType;
        request.Headers.TryGetValue("Lambda-Runtime-Function-Error-Type", out string? errorType);
        ErrorTypeHeader = errorType;
    }

    /// <summary>Request id of the invocation.</summary>
    public string RequestId { get; }

    /// <summary>True when the runtime reported an error (<c>/error</c>), false for <c>/response</c>.</summary>
    public bool IsError { get; }

    /// <summary>Body bytes the runtime posted.</summary>
    public byte[] Body => Request.Body;

    /// <summary>Body decoded as UTF-8.</summary>
    public string BodyText => _bodyText ??= Encoding.UTF8.GetString(Request.Body);

    /// <summary>Request headers of the runtime's POST, case-insensitive keys.</summary>
    public IReadOnlyDictionary<string, string> Headers => Request.Headers;

    /// <summary>HTTP/1.1 trailers of the runtime's POST (streaming responses), case-insensitive keys.</summary>
    public IReadOnlyDictionary<string, string> Trailers => Request.Trailers;

    /// <summary>Content-Type of the runtime's POST.</summary>
    public string? ContentType { get; }

    /// <summary><c>Lambda-Runtime-Function-Error-Type</c> of the runtime's POST.</summary>
    public string? ErrorTypeHeader { get; }

    /// <summary>Stopwatch timestamp when <c>/next</c> handed the invocation out.</summary>
    public long DeliveredTimestamp { get; }

    /// <summary>Stopwatch timestamp when the runtime's POST body had been fully received.</summary>
    public long CompletedTimestamp { get; }

    /// <summary><see cref="CompletedTimestamp"/> − <see cref="DeliveredTimestamp"/>.</summary>
    public TimeSpan RoundTrip => Stopwatch.GetElapsedTime(DeliveredTimestamp, CompletedTimestamp);

    /// <summary>Status code the emulator answered the POST with (202, 200, 410, 413, 500...).</summary>
    public int StatusReturned { get; }

    /// <summary>The full recorded POST.</summary>
    public RecordedRequest Request { get; }
}
