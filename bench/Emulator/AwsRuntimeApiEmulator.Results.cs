using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary><c>POST /runtime/invocation/{id}/response|error</c> and <c>POST /runtime/init/error</c>.</summary>
public sealed partial class AwsRuntimeApiEmulator
{
    private async Task HandleResultAsync(HttpContext context, RecordedRequest request, string requestId, bool isError)
    {
        long received = Stopwatch.GetTimestamp();

        // Only /response takes a response mode; the only valid one is "streaming" (protocols.md §1.6).
        string? mode = isError ? null : HttpExchange.Header(request, "Lambda-Runtime-Function-Response-Mode");
        bool streaming = mode is not null && string.Equals(mode, "streaming", StringComparison.OrdinalIgnoreCase);
        bool badMode = mode is not null && !streaming;

        PendingInvocation? invocation = null;
        InvocationOutcome? outcome = null;
        bool drop = false;
        int status;
        byte[] body;
        lock (_gate)
        {
            if (!_delivered.TryGetValue(requestId, out invocation))
            {
                status = StatusCodes.Status400BadRequest;
                body = AwsBodies.InvalidRequestId;
            }
            else if (invocation.IsCompleted)
            {
                status = StatusCodes.Status403Forbidden;
                body = AwsBodies.AlreadyAnswered;
            }
            else
            {
                ResponseFault fault = invocation.PendingFault;
                invocation.PendingFault = ResponseFault.None;
                (status, body, drop) = fault switch
                {
                    ResponseFault.DropConnection => (0, Array.Empty<byte>(), true),
                    ResponseFault.Gone => (StatusCodes.Status410Gone, AwsBodies.InvokeTimeout, false),
                    ResponseFault.InternalServerError => (StatusCodes.Status500InternalServerError, AwsBodies.InternalError, false),
                    ResponseFault.RequestEntityTooLarge => (StatusCodes.Status413PayloadTooLarge, _tooLargeBody, false),
                    _ when badMode => (StatusCodes.Status400BadRequest, AwsBodies.InvalidResponseMode, false),
                    // A streamed response has its own, much larger limit; the buffered limit only applies to buffered bodies.
                    _ when !streaming && request.Body.Length > _options.MaxResponseBytes => (StatusCodes.Status413PayloadTooLarge, _tooLargeBody, false),
                    _ => (StatusCodes.Status202Accepted, HttpExchange.StatusOkBody, false),
                };

                // 413, 400 and a dropped connection leave the invocation outstanding: the runtime may still post /error or retry.
                if (status is StatusCodes.Status202Accepted or StatusCodes.Status410Gone or StatusCodes.Status500InternalServerError)
                {
                    invocation.IsCompleted = true;
                    _outstanding--;
                    _incomplete.Remove(invocation);
                    outcome = new InvocationOutcome(requestId, isError, request, invocation.DeliveredTimestamp, received, status);
                    DispatchLocked();
                }
            }
        }

        if (outcome is not null)
        {
            invocation!.Complete(outcome);
        }

        if (drop)
        {
            context.Abort();
            return;
        }

        await HttpExchange.WriteAsync(context, status, body).ConfigureAwait(false);
    }

    private Task HandleInitErrorAsync(HttpContext context, RecordedRequest request)
    {
        var report = new InitErrorReport(
            request,
            HttpExchange.Utf8(request.Body),
            HttpExchange.Header(request, "Lambda-Runtime-Function-Error-Type"),
            HttpExchange.Header(request, "Content-Type"));
        _initError.TrySetResult(report);
        return HttpExchange.WriteAsync(context, StatusCodes.Status202Accepted, HttpExchange.StatusOkBody);
    }
}
