using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Every request an emulator received, in arrival order (a slot is reserved when the headers arrive).</summary>
internal sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest?> _entries = new();
    private readonly bool _enabled;

    public RequestJournal(bool enabled) => _enabled = enabled;

    public int Reserve()
    {
        if (!_enabled)
        {
            return -1;
        }

        lock (_gate)
        {
            _entries.Add(null);
            return _entries.Count - 1;
        }
    }

    public void Fill(int slot, RecordedRequest request)
    {
        if (slot < 0)
        {
            return;
        }

        lock (_gate)
        {
            _entries[slot] = request;
        }
    }

    /// <summary>A copy; requests whose body is still being read are left out.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            var copy = new List<RecordedRequest>(_entries.Count);
            foreach (RecordedRequest? entry in _entries)
            {
                if (entry is not null)
                {
                    copy.Add(entry);
                }
            }

            return copy;
        }
    }
}
