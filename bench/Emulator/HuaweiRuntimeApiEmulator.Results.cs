using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary><c>POST /v1/runtime/invocation/response/{id}</c> and <c>POST /v1/runtime/invocation/error/{id}</c>.</summary>
public sealed partial class HuaweiRuntimeApiEmulator
{
    private static readonly byte[] s_unknownId = HttpExchange.ErrorBody("InvalidRequestId", "No invocation with this request id was handed out");
    private static readonly byte[] s_alreadyAnswered = HttpExchange.ErrorBody("InvocationAlreadyAnswered", "A response or error was already posted for this request id");

    private async Task HandleResultAsync(HttpContext context, RecordedRequest request, string requestId, bool isError)
    {
        long received = Stopwatch.GetTimestamp();
        PendingInvocation? invocation;
        InvocationOutcome? outcome = null;
        bool drop = false;
        int status;
        byte[] body;
        lock (_gate)
        {
            if (!_delivered.TryGetValue(requestId, out invocation))
            {
                status = StatusCodes.Status404NotFound;
                body = s_unknownId;
            }
            else if (invocation.IsCompleted)
            {
                status = StatusCodes.Status409Conflict;
                body = s_alreadyAnswered;
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
                    _ when request.Body.Length > _options.MaxResponseBytes => (StatusCodes.Status413PayloadTooLarge, _tooLargeBody, false),
                    _ => (StatusCodes.Status200OK, Array.Empty<byte>(), false),
                };

                // 413 and a dropped connection leave the invocation outstanding: the runtime may still post /error or retry.
                if (status is StatusCodes.Status200OK or StatusCodes.Status410Gone or StatusCodes.Status500InternalServerError)
                {
                    invocation.IsCompleted = true;
                    _outstanding--;
                    _incomplete.Remove(invocation);
                    outcome = new InvocationOutcome(requestId, isError, request, invocation.DeliveredTimestamp, received, status);
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

        await HttpExchange.WriteAsync(context, status, body, status == StatusCodes.Status200OK ? null : "application/json").ConfigureAwait(false);
    }
}
