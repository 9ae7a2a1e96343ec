using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Light.Hosting;

namespace Runtime.Light;

/// <summary>
/// The entry point of a function binary:
/// <code>
/// var builder = FaaSHost.CreateBuilder(args);
/// builder.Functions.AddEvent("echo", MyJson.Default.Order, MyJson.Default.Receipt, (ctx, order) => ...);
/// return await builder.RunAsync();
/// </code>
/// Published with <c>light-runtime/build/Function.props</c>, this is one native-AOT executable, <c>bootstrap</c>,
/// that detects the platform it runs on and serves it.
/// </summary>
public static class FaaSHost
{
    /// <summary>Creates the builder where the binary registers its functions, services, hooks and middleware.</summary>
    public static FunctionAppBuilder CreateBuilder(string[] args) => new(args);

    /// <summary>Runs the bootstrap against the real environment and stdout; returns the process exit code.</summary>
    public static Task<int> RunAsync(this FunctionAppBuilder builder) =>
        RunAsync(builder, new ProcessEnvironment(), Console.OpenStandardOutput(), CancellationToken.None);

    /// <summary>
    /// Runs the bootstrap with an injected environment and output (several can run in one process, as tests do);
    /// <paramref name="stop"/> acts as SIGTERM. Returns the exit code the process would have.
    /// </summary>
    public static async Task<int> RunAsync(this FunctionAppBuilder builder, IEnvironment environment, Stream stdout, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stdout);
        try
        {
            return await LightHost.RunAsync(builder, environment, stdout, stop).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Nothing should reach here; if something does, it is a runtime bug: say so on stderr (the logger may be
            // gone) and exit with a code of its own.
            await Console.Error.WriteLineAsync("bootstrap: internal error: " + ex).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
