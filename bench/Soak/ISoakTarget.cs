using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Soak;

/// <summary>A platform emulator as the soak drives it: the child's environment, readiness, and one checked invocation.</summary>
internal interface ISoakTarget : IAsyncDisposable
{
    /// <summary>The variables the child needs on this platform (the emulator's, plus what the echo bootstrap needs).</summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Completes when the child is serving (poll: nothing to wait for, the first event waits in the queue).</summary>
    Task WaitForReadyAsync(SoakChild child, CancellationToken cancellationToken);

    /// <summary>One invocation of the echo function; throws <see cref="SoakException"/> unless the event came back.</summary>
    Task InvokeAsync(CancellationToken cancellationToken);
}
