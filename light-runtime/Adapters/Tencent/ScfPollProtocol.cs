using System;
using System.Globalization;
using System.Threading;
using Runtime.Engine.Errors;
using Runtime.Light.Http;
using Serilog;

namespace Runtime.Light.Adapters.Tencent;

/// <summary>The SCF runtime API as a <see cref="IPollProtocol"/>: no id in the paths, so one invocation at a time.</summary>
internal sealed class ScfPollProtocol : IPollProtocol
{
    private readonly Action<int>? _memoryKnown;
    private int _memoryReported;

    /// <param name="memoryKnown">Called once, with the memory size the first event carries (SCF has no variable for it).</param>
    public ScfPollProtocol(Action<int>? memoryKnown) => _memoryKnown = memoryKnown;

    public string Platform => ScfProtocol.PlatformName;

    public PollPolicy Policy => PollPolicy.StrictRedelivering;

    public void StartNext(HttpConnection connection) => connection.StartRequest("GET"u8, ScfProtocol.NextPath);

    public bool TryReadInvocation(ResponseHead head, ILogger logger, out PolledInvocation invocation)
    {
        string? requestId = head.Get(KnownHeaders.ScfRequestId);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            // SCF answers on fixed paths, so the event can still be served; the id is only for logs.
            requestId = "scf-" + Guid.NewGuid().ToString("N");
            logger.Warning("The SCF runtime API sent an event without a request_id header; serving it as {RequestId}", requestId);
        }
        int memory = ParseInt(head.Get(KnownHeaders.ScfMemoryLimit));
        long timeLimit = ParseInt(head.Get(KnownHeaders.ScfTimeLimit));
        DateTimeOffset deadline = timeLimit > 0 ? DateTimeOffset.UtcNow.AddMilliseconds(timeLimit) : DateTimeOffset.MaxValue;
        if (memory > 0 && _memoryKnown is not null && Interlocked.Exchange(ref _memoryReported, 1) == 0)
        {
            _memoryKnown(memory);
        }
        invocation = new PolledInvocation(requestId, deadline, null, head.Get(KnownHeaders.ContentType),
            new ScfInvocationContext(memory, timeLimit), null);
        return true;
    }

    public void StartResponse(HttpConnection connection, in PolledInvocation invocation, string? contentType)
    {
        connection.StartRequest("POST"u8, ScfProtocol.ResponsePath);
        if (contentType is not null)
        {
            connection.AddHeader(ScfProtocol.ContentTypeHeader, contentType);
        }
    }

    public void StartError(HttpConnection connection, in PolledInvocation invocation, FaaSError error)
    {
        connection.StartRequest("POST"u8, ScfProtocol.ErrorPath);
        connection.AddHeader(ScfProtocol.ContentTypeHeader, ScfProtocol.JsonContentType);
    }

    public DeliveryStatus Classify(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => DeliveryStatus.Accepted,
        413 or ScfProtocol.ResponseTooLargeStatus => DeliveryStatus.TooLarge,
        >= 500 => DeliveryStatus.Fatal,
        _ => DeliveryStatus.Rejected,
    };

    private static int ParseInt(string? text) =>
        text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : 0;
}
