using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>FIFO of faults for the next polls; each poll takes one (or none when empty).</summary>
internal sealed class PollFaultQueue
{
    private readonly object _gate = new();
    private readonly Queue<PollFault> _faults = new();
    private volatile int _count;

    public void Add(PollFault fault)
    {
        lock (_gate)
        {
            _faults.Enqueue(fault);
            _count = _faults.Count;
        }
    }

    public PollFault Take()
    {
        // Fast path for the common, fault-free case: no lock on the hot path.
        if (_count == 0)
        {
            return PollFault.None;
        }

        lock (_gate)
        {
            if (!_faults.TryDequeue(out PollFault fault))
            {
                return PollFault.None;
            }

            _count = _faults.Count;
            return fault;
        }
    }
}
