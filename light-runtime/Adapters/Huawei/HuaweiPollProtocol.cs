using System;
using Runtime.Engine.Errors;
using Runtime.Light.Http;
using Serilog;

namespace Runtime.Light.Adapters.Huawei;

/// <summary>
/// The FunctionGraph runtime API as a <see cref="IPollProtocol"/>: the request id is in the paths; the deadline is
/// the configured timeout (<c>RUNTIME_TIMEOUT</c>, seconds) from the moment the event arrives; failed polls are
/// retried every 50 ms as the official sample does.
/// </summary>
internal sealed class HuaweiPollProtocol : IPollProtocol
{
    private readonly TimeSpan _timeout;

    public HuaweiPollProtocol(TimeSpan timeout) => _timeout = timeout;

    public string Platform => HuaweiProtocol.PlatformName;

    public PollPolicy Policy { get; } = new(HuaweiProtocol.MaxConsecutivePollFailures, HuaweiProtocol.RetryDelay, Exponential: false, NonOkIsFatal: false);

    public void StartNext(HttpConnection connection) => connection.StartRequest("GET"u8, HuaweiProtocol.NextPath);

    public bool TryReadInvocation(ResponseHead head, ILogger logger, out PolledInvocation invocation)
    {
        invocation = default;
        string? requestId = head.Get(KnownHeaders.HuaweiRequestId);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            logger.Error("The FunctionGraph runtime API sent an event without an X-Cff-Request-Id header; it cannot be answered and is dropped");
            return false;
        }
        DateTimeOffset deadline = _timeout > TimeSpan.Zero ? DateTimeOffset.UtcNow + _timeout : DateTimeOffset.MaxValue;
        var context = new HuaweiInvocationContext(
            head.Get(KnownHeaders.HuaweiInvokeType),
            head.Get(KnownHeaders.HuaweiAccessKey),
            head.Get(KnownHeaders.HuaweiSecretKey),
            head.Get(KnownHeaders.HuaweiAuthToken),
            head.Get(KnownHeaders.HuaweiSecurityToken));
        invocation = new PolledInvocation(requestId, deadline, null, head.Get(KnownHeaders.ContentType), context, null);
        return true;
    }

    public void StartResponse(HttpConnection connection, in PolledInvocation invocation, string? contentType)
    {
        connection.StartRequest("POST"u8, HuaweiProtocol.ResponsePrefix, invocation.RequestId, default);
        if (contentType is not null)
        {
            connection.AddHeader(HuaweiProtocol.ContentTypeHeader, contentType);
        }
    }

    public void StartError(HttpConnection connection, in PolledInvocation invocation, FaaSError error)
    {
        connection.StartRequest("POST"u8, HuaweiProtocol.ErrorPrefix, invocation.RequestId, default);
        connection.AddHeader(HuaweiProtocol.ContentTypeHeader, HuaweiProtocol.JsonContentType);
    }

    public DeliveryStatus Classify(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => DeliveryStatus.Accepted,
        413 => DeliveryStatus.TooLarge,
        >= 500 => DeliveryStatus.Fatal,
        _ => DeliveryStatus.Rejected,
    };
}
