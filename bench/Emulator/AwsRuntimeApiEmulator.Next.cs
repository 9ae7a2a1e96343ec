using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary><c>GET /runtime/invocation/next</c>: long poll, concurrency rule, poll faults.</summary>
public sealed partial class AwsRuntimeApiEmulator
{
    private static readonly TimeSpan s_slowHeadersDelay = TimeSpan.FromMilliseconds(200);

    private async Task HandleNextAsync(HttpContext context, RecordedRequest request)
    {
        _firstPoll.TrySetResult(request);

        // Faults that fail the poll itself are applied before anything else and never consume an invocation.
        PollFault fault = _pollFaults.Take();
        if (fault == PollFault.InternalServerError)
        {
            await HttpExchange.WriteAsync(context, StatusCodes.Status500InternalServerError, AwsBodies.InternalError).ConfigureAwait(false);
            return;
        }

        if (fault == PollFault.Gone)
        {
            await HttpExchange.WriteAsync(context, StatusCodes.Status410Gone, AwsBodies.InvokeTimeout).ConfigureAwait(false);
            return;
        }

        if (fault == PollFault.DropConnection)
        {
            context.Abort();
            return;
        }

        PendingInvocation? invocation = null;
        LinkedListNode<TaskCompletionSource<PendingInvocation?>>? waiter = null;
        bool tooMany = false;
        lock (_gate)
        {
            // Lambda answers 403 instead of blocking when the runtime asks for more work than it may have in flight.
            if (_outstanding >= _options.MaxConcurrency)
            {
                tooMany = true;
            }
            else if (_queued.First is { } first)
            {
                _queued.RemoveFirst();
                AssignLocked(first.Value);
                invocation = first.Value;
            }
            else
            {
                waiter = _waiters.AddLast(new TaskCompletionSource<PendingInvocation?>(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }

        if (tooMany)
        {
            await HttpExchange.WriteAsync(context, StatusCodes.Status403Forbidden, AwsBodies.TooManyOutstanding).ConfigureAwait(false);
            return;
        }

        CancellationToken aborted = context.RequestAborted;
        CancellationToken stopping = _stopping.Token;
        if (invocation is null && waiter is not null)
        {
            // No client timeout and no server timeout: the poll blocks until an event, the client leaving, or disposal.
            using (aborted.UnsafeRegister(_abandonWaiter, waiter))
            using (stopping.UnsafeRegister(_abandonWaiter, waiter))
            {
                invocation = await waiter.Value.Task.ConfigureAwait(false);
            }

            if (invocation is null)
            {
                context.Abort();
                return;
            }
        }

        if (fault == PollFault.SlowHeaders && !aborted.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            // Injected latency, not a test wait: it holds back the response headers of this one poll (cut short by disposal).
            await Task.Delay(s_slowHeadersDelay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (aborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // Nothing was sent: give the invocation back so the next poll gets it.
            lock (_gate)
            {
                RequeueLocked(invocation!);
            }

            context.Abort();
            return;
        }

        await WriteInvocationAsync(context, invocation!).ConfigureAwait(false);
    }

    private Task WriteInvocationAsync(HttpContext context, PendingInvocation invocation)
    {
        InvocationOptions options = invocation.Options;
        long deadlineMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + _timeoutMs;
        invocation.MarkDelivered(Stopwatch.GetTimestamp(), deadlineMs);

        HttpResponse response = context.Response;
        IHeaderDictionary headers = response.Headers;
        response.StatusCode = StatusCodes.Status200OK;
        if (!options.OmitRequestId)
        {
            headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        }

        headers["Lambda-Runtime-Deadline-Ms"] = deadlineMs.ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = options.InvokedFunctionArn ?? FunctionArn;
        if (invocation.TraceId.Length > 0)
        {
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }

        if (options.ClientContext is not null)
        {
            headers["Lambda-Runtime-Client-Context"] = options.ClientContext;
        }

        if (options.CognitoIdentity is not null)
        {
            headers["Lambda-Runtime-Cognito-Identity"] = options.CognitoIdentity;
        }

        if (options.TenantId is not null)
        {
            headers["Lambda-Runtime-Aws-Tenant-Id"] = options.TenantId;
        }

        if (invocation.InvocationId is not null)
        {
            headers["Lambda-Runtime-Invocation-Id"] = invocation.InvocationId;
        }

        response.ContentType = options.ContentType;
        return HttpExchange.WritePayloadAsync(context, invocation.PayloadBytes, options.TruncateEvent && invocation.DeliveryCount == 1);
    }

    private void AbandonWaiter(object? state)
    {
        var waiter = (LinkedListNode<TaskCompletionSource<PendingInvocation?>>)state!;
        lock (_gate)
        {
            // Still waiting (not handed an invocation): leave the line. Otherwise the poll handler sees the
            // cancellation after its await and gives the invocation back itself.
            if (waiter.List is null)
            {
                return;
            }

            _waiters.Remove(waiter);
        }

        waiter.Value.TrySetResult(null);
    }

    /// <summary>Hands queued invocations to waiting polls while the concurrency limit allows. Caller holds <see cref="_gate"/>.</summary>
    private void DispatchLocked()
    {
        while (_outstanding < _options.MaxConcurrency && _queued.First is { } next && _waiters.First is { } waiter)
        {
            _queued.RemoveFirst();
            _waiters.RemoveFirst();
            AssignLocked(next.Value);
            waiter.Value.TrySetResult(next.Value);
        }
    }

    private void AssignLocked(PendingInvocation invocation)
    {
        invocation.IsAssigned = true;

        // A delivery without a request id cannot be answered, so it neither counts against the limit nor is known by id.
        if (!invocation.Options.OmitRequestId)
        {
            _outstanding++;
            _delivered[invocation.RequestId] = invocation;
        }
    }

    private void RequeueLocked(PendingInvocation invocation)
    {
        invocation.IsAssigned = false;
        if (!invocation.Options.OmitRequestId)
        {
            _outstanding--;
            _delivered.Remove(invocation.RequestId);
        }

        if (_incomplete.Contains(invocation))
        {
            _queued.AddFirst(invocation);
        }

        DispatchLocked();
    }
}
