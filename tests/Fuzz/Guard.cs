using System;
using System.Threading;

namespace Runtime.Fuzz;

/// <summary>
/// Runs one input through a target under the harness's two resource rules: the bytes it allocates (on this thread,
/// which is where every target runs) must stay within the target's bound, and it must finish within the time limit
/// (a watchdog thread; a hang cannot be interrupted safely, so it prints the input's file and exits the process).
/// </summary>
internal sealed class Guard
{
    private readonly IFuzzTarget _target;
    private readonly TimeSpan _timeLimit;
    private long _startedAt = -1;
    private string _current = string.Empty;

    public Guard(IFuzzTarget target, TimeSpan timeLimit)
    {
        _target = target;
        _timeLimit = timeLimit;
    }

    /// <summary>The largest allocation seen for one input, and the input length it came with.</summary>
    public long MaxAllocated { get; private set; }

    public int MaxAllocatedInputLength { get; private set; }

    /// <summary>Starts the watchdog; <paramref name="onHang"/> gets the current input's label and must not return.</summary>
    public void StartWatchdog(Action<string> onHang)
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(100);
                long started = Interlocked.Read(ref _startedAt);
                if (started >= 0 && Environment.TickCount64 - started > (long)_timeLimit.TotalMilliseconds)
                {
                    onHang(Volatile.Read(ref _current));
                }
            }
        })
        {
            IsBackground = true,
            Name = "fuzz watchdog",
        };
        thread.Start();
    }

    public void Run(ReadOnlySpan<byte> input, string label)
    {
        Volatile.Write(ref _current, label);
        Interlocked.Exchange(ref _startedAt, Environment.TickCount64);
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            _target.Run(input);
        }
        finally
        {
            Interlocked.Exchange(ref _startedAt, -1);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > MaxAllocated)
        {
            MaxAllocated = allocated;
            MaxAllocatedInputLength = input.Length;
        }
        long bound = _target.AllocationBound(input.Length);
        if (allocated > bound)
        {
            throw new FuzzFailure($"Allocated {allocated} bytes for a {input.Length}-byte input; the bound is {bound}.");
        }
    }
}
