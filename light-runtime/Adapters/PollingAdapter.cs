using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Http;
using Runtime.Light.Http;
using Serilog;

namespace Runtime.Light.Adapters;

/// <summary>
/// Runs <c>workers</c> poll loops against one platform API, each on a thread of its own, and turns their endings
/// into a <see cref="ServeOutcome"/>: all loops stop on the stop signal; the first fatal platform answer stops them
/// all. The calling thread writes the first loop's first poll itself before it starts any thread, so nothing stands
/// between start and that poll; then it runs <c>firstPollSent</c> (the host installs its signal handlers there) and
/// starts the loops.
/// </summary>
internal static class PollingAdapter
{
    public static Task<ServeOutcome> ServeAsync(IPollProtocol protocol, EndPoint endPoint, string authority, int workers,
        FunctionRuntime runtime, IHttpEventCodec? codec, long maxEventBytes, ILogger logger, CancellationToken stopping,
        HttpConnection? firstConnection = null, Action? firstPollSent = null)
    {
        var done = new TaskCompletionSource<ServeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        int running = workers;
        int fatal = 0;
        for (int i = 0; i < workers; i++)
        {
            // The first loop reuses a connection the adapter already opened (SCF's init/ready), saving a connect.
            HttpConnection connection = i == 0 && firstConnection is not null ? firstConnection : new HttpConnection(endPoint, authority);
            var worker = new PollWorker(protocol, connection, runtime, codec, logger, maxEventBytes);
            bool written = i == 0 && TryWriteFirstPoll(worker, stopping);
            var thread = new Thread(() =>
            {
                try
                {
                    worker.Run(failed.Token, written);
                }
                catch (PlatformApiException ex)
                {
                    // One broken loop means a broken sandbox: log it once and stop the others.
                    if (Interlocked.Exchange(ref fatal, 1) == 0)
                    {
                        logger.Fatal(ex, "{Platform} failed: {Reason}", protocol.Platform, ex.Message);
                    }
                    failed.Cancel();
                }
                catch (Exception ex)
                {
                    // A bug in the loop itself: report it as fatal rather than let an unhandled exception kill the
                    // process without Close.
                    if (Interlocked.Exchange(ref fatal, 1) == 0)
                    {
                        logger.Fatal(ex, "The {Platform} poll loop failed unexpectedly", protocol.Platform);
                    }
                    failed.Cancel();
                }
                finally
                {
                    worker.Dispose();
                    if (Interlocked.Decrement(ref running) == 0)
                    {
                        failed.Dispose();
                        done.SetResult(Volatile.Read(ref fatal) == 0 ? ServeOutcome.Stopped : ServeOutcome.PlatformFailed);
                    }
                }
            })
            {
                IsBackground = true,
                Name = "poll-" + i,
            };
            if (i == 0)
            {
                firstPollSent?.Invoke();
            }
            thread.Start();
        }
        return done.Task;
    }

    private static bool TryWriteFirstPoll(PollWorker worker, CancellationToken stopping)
    {
        try
        {
            worker.Protocol.StartNext(worker.Connection);
            worker.Connection.Write(default, hasBody: false, stopping);
            return true;
        }
        catch (Exception ex) when (ex is HttpTransportException or OperationCanceledException)
        {
            // The loop's own first poll will meet the same failure and handle it (retry, or stop) as for any poll.
            return false;
        }
    }
}
