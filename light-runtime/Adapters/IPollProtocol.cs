using Runtime.Engine.Errors;
using Runtime.Light.Http;
using Serilog;

namespace Runtime.Light.Adapters;

/// <summary>
/// The wire details of one poll-model platform (paths, headers, status codes). <see cref="PollWorker"/> runs the
/// loop, the same for every such platform.
/// </summary>
internal interface IPollProtocol
{
    /// <summary>Platform name, for logs.</summary>
    string Platform { get; }

    /// <summary>How failed polls are retried.</summary>
    PollPolicy Policy { get; }

    /// <summary>Starts the request for the next event.</summary>
    void StartNext(HttpConnection connection);

    /// <summary>
    /// Reads identity and deadline from the next-event answer. False = unusable (already logged); poll again (counted
    /// as a failed poll unless the policy treats a non-200 poll as fatal).
    /// </summary>
    bool TryReadInvocation(ResponseHead head, ILogger logger, out PolledInvocation invocation);

    /// <summary>Starts the request that delivers a result.</summary>
    void StartResponse(HttpConnection connection, in PolledInvocation invocation, string? contentType);

    /// <summary>Starts the request that reports an invocation error.</summary>
    void StartError(HttpConnection connection, in PolledInvocation invocation, FaaSError error);

    /// <summary>What a status code from a result or error post means.</summary>
    DeliveryStatus Classify(int statusCode);
}
