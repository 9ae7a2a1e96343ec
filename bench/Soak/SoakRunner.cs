using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Soak;

/// <summary>
/// Runs one platform's soak: one child, <see cref="SoakSettings.Invocations"/> invocations one after another (the
/// next is sent when the previous is answered), and after every <see cref="SoakSettings.SampleEvery"/>-th answer a
/// sample of <c>/proc</c> and the child's GC line for that invocation. Then SIGTERM, and the verdict.
/// </summary>
internal static class SoakRunner
{
    /// <summary>The event: the cold-start harness's payload, echoed back byte for byte.</summary>
    public const string Payload = """{"key1":"value1","key2":"value2","key3":"value3"}""";

    private static readonly TimeSpan s_gcLineTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_sigtermGrace = TimeSpan.FromSeconds(5);

    public static async Task<SoakRun> RunAsync(SoakPlatform platform, string bootstrap, SoakSettings settings, TextWriter progress,
        CancellationToken cancellationToken)
    {
        byte[] payload = System.Text.Encoding.UTF8.GetBytes(Payload);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FAAS_DIAGNOSTICS_GC"] = settings.SampleEvery.ToString(CultureInfo.InvariantCulture),
            // Where the layers folder would be: none here, so no layer is loaded from the machine's /opt/layers.
            ["FAAS_LAYERS_DIR"] = Path.Combine(Path.GetDirectoryName(bootstrap) ?? ".", "no-layers"),
        };
        foreach (KeyValuePair<string, string> pair in settings.Environment ?? new Dictionary<string, string>())
        {
            extra[pair.Key] = pair.Value;
        }

        string name = SoakPlatforms.Name(platform);
        await using ISoakTarget target = platform == SoakPlatform.Aws
            ? await PollSoakTarget.StartAsync(payload, extra, cancellationToken).ConfigureAwait(false)
            : new ServerSoakTarget(platform, payload, extra);
        await using SoakChild child = SoakChild.Start(bootstrap, target.Environment);
        await target.WaitForReadyAsync(child, cancellationToken).ConfigureAwait(false);

        var samples = new List<SoakSample>(settings.Invocations / settings.SampleEvery);
        long started = Stopwatch.GetTimestamp();
        int reportEvery = Math.Max(settings.SampleEvery, settings.Invocations / 10);
        for (int i = 1; i <= settings.Invocations; i++)
        {
            try
            {
                await target.InvokeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SoakException ex)
            {
                throw new SoakException(name + ": invocation " + i.ToString(CultureInfo.InvariantCulture) + ": " + ex.Message + "; child " + child.Describe());
            }

            if (i % settings.SampleEvery == 0)
            {
                // /proc first, right after the answer; then the child's GC line, written before that answer was sent.
                ProcSample proc = ProcSample.Read(child.Id);
                GcLine gc = await child.NextGcLineAsync(i, s_gcLineTimeout, cancellationToken).ConfigureAwait(false);
                samples.Add(new SoakSample(i, proc.RssKb, proc.Fds, proc.Threads, gc.Invocations, gc.Gen0, gc.Gen1, gc.Gen2, gc.HeapBytes, gc.AllocatedBytes,
                    proc.ThreadNames));
                if (i % reportEvery == 0)
                {
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {name}: {i,9:N0}  RSS {proc.RssKb,6:N0} KiB  fds {proc.Fds,3}  threads {proc.Threads,3}  gen0/1/2 {gc.Gen0}/{gc.Gen1}/{gc.Gen2}  heap {gc.HeapBytes / 1024:N0} KiB"));
                }
            }
        }

        double wallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        int exitCode = await child.StopAsync(s_sigtermGrace).ConfigureAwait(false);
        SoakVerdict verdict = DriftRules.Judge(samples, settings, exitCode, child.ErrorLines);
        return new SoakRun(name, SoakPlatforms.Model(platform), settings.Invocations, settings.SampleEvery, Math.Round(wallSeconds, 2), exitCode,
            child.ErrorLines, samples, verdict);
    }
}
