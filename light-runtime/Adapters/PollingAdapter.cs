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
/// Runs <paramref name="workers"/> poll loops against one platform API and turns their endings into a
/// <see cref="ServeOutcome"/>: all loops stop on the stop signal; the first fatal platform answer stops them all.
/// </summary>
internal static class PollingAdapter
{
    public static async Task<ServeOutcome> ServeAsync(IPollProtocol protocol, EndPoint endPoint, string authority, int workers,
        FunctionRuntime runtime, IHttpEventCodec? codec, long maxEventBytes, ILogger logger, CancellationToken stopping,
        HttpConnection? firstConnection = null)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var loops = new List<PollWorker>(workers);
        var tasks = new Task[workers];
        for (int i = 0; i < workers; i++)
        {
            // The first loop reuses a connection the adapter already opened (SCF's init/ready), saving a connect.
            HttpConnection connection = i == 0 && firstConnection is not null ? firstConnection : new HttpConnection(endPoint, authority);
            var worker = new PollWorker(protocol, connection, runtime, codec, logger, maxEventBytes);
            loops.Add(worker);
            tasks[i] = RunOne(worker, failed);
        }
        ServeOutcome outcome = ServeOutcome.Stopped;
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (PlatformApiException ex)
        {
            logger.Fatal(ex, "{Platform} failed: {Reason}", protocol.Platform, ex.Message);
            outcome = ServeOutcome.PlatformFailed;
        }
        foreach (PollWorker worker in loops)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
        return outcome;
    }

    private static async Task RunOne(PollWorker worker, CancellationTokenSource failed)
    {
        try
        {
            await worker.RunAsync(failed.Token).ConfigureAwait(false);
        }
        catch (PlatformApiException)
        {
            // One broken loop means a broken sandbox: stop the others, then let WhenAll report this one.
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
