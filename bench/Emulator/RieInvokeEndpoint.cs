using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary>
/// The Runtime Interface Emulator's user-facing endpoint (protocols.md §1.11) in front of an emulator:
/// <c>POST /2015-03-31/functions/function/invocations</c> with the event as body enqueues it and answers with the
/// runtime's outcome, as Lambda's Invoke API does: 200 with the response body; for an error 200 with the error JSON and
/// <c>X-Amz-Function-Error: Unhandled</c>; 502 with the init error body when the runtime reported an init error.
/// Optional headers: <c>X-Amz-Client-Context</c> (base64 JSON), <c>X-Amzn-Trace-Id</c>, <c>X-Amz-Tenant-Id</c>.
/// </summary>
public sealed class RieInvokeEndpoint : IAsyncDisposable
{
    /// <summary>The invoke path (the function name segment is always <c>function</c> in the RIE; any name is accepted here).</summary>
    public const string InvokePath = "/2015-03-31/functions/function/invocations";

    private const string FunctionsPrefix = "/2015-03-31/functions/";
    private const string InvocationsSuffix = "/invocations";

    private static readonly byte[] s_notFound = HttpExchange.ErrorBody("ResourceNotFoundException", "Use POST /2015-03-31/functions/function/invocations");
    private static readonly byte[] s_badClientContext = HttpExchange.ErrorBody("InvalidRequestContentException", "X-Amz-Client-Context must be base64");

    private static readonly RequestJournal s_noJournal = new(enabled: false);

    private readonly IRuntimeApiEmulator _emulator;
    private readonly Task<InitErrorReport>? _initError;
    private readonly CancellationTokenSource _stopping = new();
    private EmulatorServer? _server;

    private RieInvokeEndpoint(IRuntimeApiEmulator emulator)
    {
        _emulator = emulator;
        _initError = (emulator as AwsRuntimeApiEmulator)?.InitError;
    }

    /// <summary>The bound port.</summary>
    public int Port => _server?.Port ?? 0;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/2015-03-31/functions/function/invocations</c>.</summary>
    public Uri InvokeUri => new(string.Concat("http://127.0.0.1:", Port.ToString(CultureInfo.InvariantCulture), InvokePath));

    /// <summary>Starts the endpoint on 127.0.0.1:<paramref name="port"/> (0 = OS-chosen) in front of <paramref name="emulator"/>.</summary>
    public static async Task<RieInvokeEndpoint> StartAsync(IRuntimeApiEmulator emulator, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var endpoint = new RieInvokeEndpoint(emulator);
        endpoint._server = await EmulatorServer.StartAsync(port, endpoint.HandleAsync, cancellationToken).ConfigureAwait(false);
        return endpoint;
    }

    /// <summary>Stops the endpoint; requests still waiting for an outcome are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsPost(context.Request.Method)
            || !path.StartsWith(FunctionsPrefix, StringComparison.Ordinal)
            || !path.EndsWith(InvocationsSuffix, StringComparison.Ordinal))
        {
            await HttpExchange.WriteAsync(context, StatusCodes.Status404NotFound, s_notFound).ConfigureAwait(false);
            return;
        }

        IHeaderDictionary headers = context.Request.Headers;
        string? clientContext = null;
        string encoded = headers["X-Amz-Client-Context"].ToString();
        if (encoded.Length > 0)
        {
            byte[] decoded = new byte[encoded.Length];
            if (!Convert.TryFromBase64String(encoded, decoded, out int written))
            {
                await HttpExchange.WriteAsync(context, StatusCodes.Status400BadRequest, s_badClientContext).ConfigureAwait(false);
                return;
            }

            clientContext = Encoding.UTF8.GetString(decoded, 0, written);
        }

        string trace = headers["X-Amzn-Trace-Id"].ToString();
        string tenant = headers["X-Amz-Tenant-Id"].ToString();
        var options = new InvocationOptions
        {
            ClientContext = clientContext,
            TraceId = trace.Length > 0 ? trace : null,
            TenantId = tenant.Length > 0 ? tenant : null,
        };

        RecordedRequest request = await HttpExchange.RecordAsync(context, s_noJournal, context.RequestAborted).ConfigureAwait(false);
        PendingInvocation invocation = _emulator.Enqueue(request.Body, options);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        Task finished = _initError is null
            ? await Task.WhenAny(invocation.Completion, Task.Delay(Timeout.Infinite, linked.Token)).ConfigureAwait(false)
            : await Task.WhenAny(invocation.Completion, _initError, Task.Delay(Timeout.Infinite, linked.Token)).ConfigureAwait(false);

        if (finished == invocation.Completion && invocation.Completion.IsCompletedSuccessfully)
        {
            InvocationOutcome outcome = await invocation.Completion.ConfigureAwait(false);
            if (outcome.IsError)
            {
                context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            }

            await HttpExchange.WriteAsync(context, StatusCodes.Status200OK, outcome.Body, outcome.ContentType ?? "application/json").ConfigureAwait(false);
            return;
        }

        if (_initError is not null && finished == _initError && _initError.IsCompletedSuccessfully)
        {
            InitErrorReport report = await _initError.ConfigureAwait(false);
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            await HttpExchange.WriteAsync(context, StatusCodes.Status502BadGateway, report.Body, report.ContentType ?? "application/json").ConfigureAwait(false);
            return;
        }

        // Caller gone, endpoint or emulator stopping: there is no outcome to send.
        context.Abort();
    }
}
