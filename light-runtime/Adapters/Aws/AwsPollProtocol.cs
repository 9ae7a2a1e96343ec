using System;
using System.Globalization;
using Runtime.Engine.Errors;
using Runtime.Light.Hosting;
using Runtime.Light.Http;
using Serilog;

namespace Runtime.Light.Adapters.Aws;

/// <summary>The Lambda Runtime API as a <see cref="IPollProtocol"/> (protocols.md section 1.2 to 1.4).</summary>
internal sealed class AwsPollProtocol : IPollProtocol
{
    private readonly IEnvironment _environment;
    private readonly bool _setTraceEnvironment;

    /// <param name="environment">Where <c>_X_AMZN_TRACE_ID</c> is set per invocation.</param>
    /// <param name="setTraceEnvironment">
    /// False with several concurrent loops: one process-wide variable cannot hold several invocations' trace ids,
    /// so then the trace id is only on <see cref="Runtime.Engine.FaaSContext.TraceId"/>.
    /// </param>
    public AwsPollProtocol(IEnvironment environment, bool setTraceEnvironment)
    {
        _environment = environment;
        _setTraceEnvironment = setTraceEnvironment;
    }

    public string Platform => AwsProtocol.PlatformName;

    public PollPolicy Policy => PollPolicy.Strict;

    public void StartNext(HttpConnection connection) => connection.StartRequest("GET"u8, AwsProtocol.NextPath);

    public bool TryReadInvocation(ResponseHead head, ILogger logger, out PolledInvocation invocation)
    {
        invocation = default;
        string? requestId = head.Get(KnownHeaders.AwsRequestId);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            // Without the id there is no path to answer on; the platform will time this invocation out.
            logger.Error("The Runtime API sent an event without a Lambda-Runtime-Aws-Request-Id header; it cannot be answered and is dropped");
            return false;
        }
        DateTimeOffset deadline = DateTimeOffset.MaxValue;
        string? deadlineText = head.Get(KnownHeaders.AwsDeadlineMs);
        if (deadlineText is not null && long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out long deadlineMs)
            && deadlineMs is > 0 and < 253402300799999)
        {
            deadline = DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs);
        }
        else
        {
            logger.Warning("Invocation {RequestId} has no valid Lambda-Runtime-Deadline-Ms; it runs without a deadline", requestId);
        }
        string? traceId = head.Get(KnownHeaders.AwsTraceId);
        if (_setTraceEnvironment)
        {
            // OS-only runtimes must set the variable themselves, and clear it when the header is absent.
            _environment.Set(AwsProtocol.TraceIdEnv, traceId);
        }
        string? invocationId = head.Get(KnownHeaders.AwsInvocationId);
        var context = new LambdaInvocationContext(
            head.Get(KnownHeaders.AwsFunctionArn),
            head.Get(KnownHeaders.AwsClientContext),
            head.Get(KnownHeaders.AwsCognitoIdentity),
            head.Get(KnownHeaders.AwsTenantId),
            invocationId);
        invocation = new PolledInvocation(requestId, deadline, traceId, head.Get(KnownHeaders.ContentType), context, invocationId);
        return true;
    }

    public void StartResponse(HttpConnection connection, in PolledInvocation invocation, string? contentType)
    {
        connection.StartRequest("POST"u8, AwsProtocol.InvocationPathPrefix, invocation.RequestId, AwsProtocol.ResponseSuffix);
        if (contentType is not null)
        {
            connection.AddHeader(AwsProtocol.ContentTypeHeader, contentType);
        }
        EchoInvocationId(connection, invocation);
    }

    public void StartError(HttpConnection connection, in PolledInvocation invocation, FaaSError error)
    {
        connection.StartRequest("POST"u8, AwsProtocol.InvocationPathPrefix, invocation.RequestId, AwsProtocol.ErrorSuffix);
        AddErrorHeaders(connection, error);
        EchoInvocationId(connection, invocation);
    }

    public DeliveryStatus Classify(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => DeliveryStatus.Accepted,
        410 => DeliveryStatus.Gone,
        413 => DeliveryStatus.TooLarge,
        >= 500 => DeliveryStatus.Fatal,
        _ => DeliveryStatus.Rejected,
    };

    /// <summary>Content type and <c>Lambda-Runtime-Function-Error-Type</c> for an error or init-error post.</summary>
    internal static void AddErrorHeaders(HttpConnection connection, FaaSError error)
    {
        connection.AddHeader(AwsProtocol.ContentTypeHeader, AwsProtocol.ErrorContentType);
        connection.AddHeader(AwsProtocol.ErrorTypeHeader, ErrorTypeHeaderValue(error));
    }

    /// <summary><c>Category.Reason</c> for the header: the runtime's own types as they are, user exceptions as unhandled.</summary>
    internal static string ErrorTypeHeaderValue(FaaSError error) =>
        error.ErrorType.StartsWith("Runtime.", StringComparison.Ordinal) || error.ErrorType.StartsWith("Function.", StringComparison.Ordinal)
            ? error.ErrorType
            : AwsProtocol.UnhandledFunctionError;

    private static void EchoInvocationId(HttpConnection connection, in PolledInvocation invocation)
    {
        // Echoed unchanged when present, never invented when absent (protocols.md 1.3). A value that could split
        // the header section is not echoed; the parser already refused CR/LF, so this cannot happen in practice.
        if (invocation.InvocationId is { Length: > 0 } id)
        {
            connection.AddHeader(AwsProtocol.InvocationIdHeader, id);
        }
    }
}
