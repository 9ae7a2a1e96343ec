using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.EmulatorCli;

/// <summary>Starts an emulator and the bootstrap against it, then sends an event file N times or serves the RIE invoke endpoint.</summary>
internal static class EmulatorCliApp
{
    private const int ExitOk = 0;
    private const int ExitRuntimeFailed = 1;
    private const int ExitUsage = 2;
    private const int ExitInterrupted = 130;

    public static async Task<int> RunAsync(string[] args)
    {
        CliOptions? options = CliOptions.TryParse(args, out string error);
        if (options is null)
        {
            if (error.Length == 0)
            {
                Console.Out.WriteLine(CliOptions.Usage);
                return args.Length == 0 ? ExitUsage : ExitOk;
            }

            Console.Error.WriteLine("runtime-emulator: " + error);
            Console.Error.WriteLine(CliOptions.Usage);
            return ExitUsage;
        }

        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancelKey = (_, e) =>
        {
            // Keep the process alive long enough to SIGTERM the child and stop the emulator.
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancelKey;
        using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupted.Cancel();
        });

        try
        {
            await using IRuntimeApiEmulator emulator = options.Cloud == "aws"
                ? await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions
                {
                    Handler = options.Handler,
                    TaskRoot = Path.GetDirectoryName(options.Bootstrap) ?? "/var/task",
                })
                : await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { Handler = options.Handler });

            await using ChildBootstrap child = ChildBootstrap.Start(options.Bootstrap, emulator.Environment);
            Console.Error.WriteLine($"runtime-emulator: {options.Cloud} runtime API on 127.0.0.1:{Port(emulator)}, bootstrap pid {child.Id}");

            return options.EventFile is not null
                ? await SendEventsAsync(emulator, child, await File.ReadAllBytesAsync(options.EventFile), options.Count, interrupted.Token)
                : await ServeInvokeEndpointAsync(emulator, child, options.InvokePort!.Value, interrupted.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }

    private static async Task<int> SendEventsAsync(IRuntimeApiEmulator emulator, ChildBootstrap child, byte[] payload, int count, CancellationToken interrupted)
    {
        Task initError = InitErrorOf(emulator);
        Task stop = Task.Delay(Timeout.Infinite, interrupted);
        for (int i = 1; i <= count; i++)
        {
            PendingInvocation invocation = emulator.Enqueue(payload);
            Task finished = await Task.WhenAny(invocation.Completion, initError, child.Exited, stop);
            if (finished == invocation.Completion)
            {
                PrintOutcome(await invocation.Completion, i, count);
                continue;
            }

            if (finished == initError && emulator is AwsRuntimeApiEmulator aws)
            {
                InitErrorReport report = await aws.InitError;
                Console.Out.WriteLine($"init error ({report.ErrorTypeHeader ?? "no error type"}): {report.BodyText}");
                return ExitRuntimeFailed;
            }

            if (finished == child.Exited)
            {
                Console.Error.WriteLine($"runtime-emulator: bootstrap exited with code {child.ExitCode} before answering invocation {i}");
                return ExitRuntimeFailed;
            }

            return ExitInterrupted;
        }

        return ExitOk;
    }

    private static async Task<int> ServeInvokeEndpointAsync(IRuntimeApiEmulator emulator, ChildBootstrap child, int port, CancellationToken interrupted)
    {
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(emulator, port, interrupted);
        Console.Error.WriteLine($"runtime-emulator: invoke with: curl -d '{{}}' {endpoint.InvokeUri}   (Ctrl-C to stop)");
        Task finished = await Task.WhenAny(child.Exited, Task.Delay(Timeout.Infinite, interrupted));
        if (finished == child.Exited)
        {
            Console.Error.WriteLine($"runtime-emulator: bootstrap exited with code {child.ExitCode}");
            return ExitRuntimeFailed;
        }

        return ExitInterrupted;
    }

    private static void PrintOutcome(InvocationOutcome outcome, int index, int count)
    {
        string roundTrip = outcome.RoundTrip.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture);
        string kind = outcome.IsError ? $"error ({outcome.ErrorTypeHeader ?? "no error type"})" : "response";
        Console.Out.WriteLine($"[{index}/{count}] {outcome.RequestId} {kind} status={outcome.StatusReturned} round-trip={roundTrip} ms");
        Console.Out.WriteLine(outcome.BodyText);
    }

    private static Task InitErrorOf(IRuntimeApiEmulator emulator) =>
        emulator is AwsRuntimeApiEmulator aws ? aws.InitError : Task.Delay(Timeout.Infinite);

    private static int Port(IRuntimeApiEmulator emulator) => emulator switch
    {
        AwsRuntimeApiEmulator aws => aws.Port,
        ScfRuntimeApiEmulator scf => scf.Port,
        _ => 0,
    };
}
