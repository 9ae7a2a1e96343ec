using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary><c>GET /v1/runtime/invocation/request</c>: long poll, poll faults, event headers.</summary>
public sealed partial class HuaweiRuntimeApiEmulator
{
    private static readonly TimeSpan s_slowHeadersDelay = TimeSpan.FromMilliseconds(200);

    private async Task HandleRequestAsync(HttpContext context, RecordedRequest request)
    {
        _firstPoll.TrySetResult(request);

        // Faults that fail the poll itself never consume an invocation, so a tolerant runtime still gets it on its retry.
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
        lock (_gate)
        {
            if (_queued.First is { } first)
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

        CancellationToken aborted = context.RequestAborted;
        CancellationToken stopping = _stopping.Token;
        if (waiter is not null)
        {
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

        await WriteEventAsync(context, invocation!).ConfigureAwait(false);
    }

    private Task WriteEventAsync(HttpContext context, PendingInvocation invocation)
    {
        InvocationOptions options = invocation.Options;
        invocation.MarkDelivered(Stopwatch.GetTimestamp(), 0);
        HttpResponse response = context.Response;
        IHeaderDictionary headers = response.Headers;
        response.StatusCode = StatusCodes.Status200OK;

        // Spelled as on the FunctionGraph "Custom Runtime" page.
        if (!options.OmitRequestId)
        {
            headers["X-Cff-Request-Id"] = invocation.RequestId;
        }

        if (_options.AgencyConfigured)
        {
            headers["X-CFF-Access-Key"] = _options.AccessKey;
            headers["X-CFF-Secret-Key"] = _options.SecretKey;
            headers["X-CFF-Auth-Token"] = _options.AuthToken;
            headers["X-CFF-Security-Token"] = _options.SecurityToken;
        }

        headers["X-CFF-Invoke-Type"] = options.InvokeType ?? _options.InvokeType;
        response.ContentType = options.ContentType;
        return HttpExchange.WritePayloadAsync(context, invocation.PayloadBytes, invocation.Options.TruncateEvent && invocation.DeliveryCount == 1);
    }

    private void AbandonWaiter(object? state)
    {
        var waiter = (LinkedListNode<TaskCompletionSource<PendingInvocation?>>)state!;
        lock (_gate)
        {
            // Still waiting: leave the line. Otherwise the poll sees the cancellation after its await and requeues.
            if (waiter.List is null)
            {
                return;
            }

            _waiters.Remove(waiter);
        }

        waiter.Value.TrySetResult(null);
    }

    /// <summary>Hands queued invocations to waiting polls, FIFO on both sides. Caller holds <see cref="_gate"/>.</summary>
    private void DispatchLocked()
    {
        while (_queued.First is { } next && _waiters.First is { } waiter)
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

        // Delivered without a request id: it cannot be answered, so it is neither outstanding nor known by id.
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
