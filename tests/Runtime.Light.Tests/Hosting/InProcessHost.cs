using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Light.Hosting;

namespace Runtime.Light.Tests.Hosting;

/// <summary>The bootstrap host run in-process with an injected environment; disposing it acts as SIGTERM and waits for the exit.</summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();

    public InProcessHost(FunctionAppBuilder builder, IReadOnlyDictionary<string, string> environment, params (string, string)[] extra)
    {
        var values = new Dictionary<string, string>(environment);
        foreach ((string key, string value) in extra)
        {
            values[key] = value;
        }
        Environment = new DictionaryEnvironment(values);
        Running = Task.Run(() => builder.RunAsync(Environment, Output, _stop.Token));
    }

    public DictionaryEnvironment Environment { get; }

    public LineStream Output { get; } = new();

    public Task<int> Running { get; }

    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Running.WaitAsync(Wait);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Running.IsCompleted)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }
}
