using System.Threading;
using Runtime.Engine;

namespace Runtime.Layers.Metrics;

/// <summary>
/// Carries each invocation's start time from the layer's BeforeInvoke hook to its AfterInvoke hook without
/// allocating: a fixed table of (request id, timestamp) slots claimed with a compare-exchange and found again by the
/// request id (not by the context object: a native layer's two hooks see two context objects for one invocation). A platform that polls runs one invocation at a time, so the first slot is nearly always the one; past
/// <see cref="Capacity"/> concurrent invocations the start goes into <see cref="FaaSContext.Items"/> instead (correct, but it allocates).
/// </summary>
internal sealed class InFlightTable
{
    private const string OverflowKey = "metrics:start";

    private readonly string?[] _contexts;
    private readonly long[] _starts;
    private int _overflowing;

    public InFlightTable(int capacity)
    {
        _contexts = new string?[capacity];
        _starts = new long[capacity];
    }

    public int Capacity => _contexts.Length;

    /// <summary>Records that <paramref name="context"/> started at <paramref name="timestamp"/>.</summary>
    public void Begin(FaaSContext context, long timestamp)
    {
        string?[] contexts = _contexts;
        string id = context.RequestId;
        for (int i = 0; i < contexts.Length; i++)
        {
            if (Volatile.Read(ref contexts[i]) is null && Interlocked.CompareExchange(ref contexts[i], id, null) is null)
            {
                // Only this invocation reads the slot's start, later in its own AfterInvoke.
                _starts[i] = timestamp;
                return;
            }
        }
        Interlocked.Increment(ref _overflowing);
        context.Items[OverflowKey] = timestamp;
    }

    /// <summary>Takes the start of <paramref name="context"/>; false when its BeforeInvoke never ran.</summary>
    public bool TryEnd(FaaSContext context, out long timestamp)
    {
        string?[] contexts = _contexts;
        string id = context.RequestId;
        for (int i = 0; i < contexts.Length; i++)
        {
            if (string.Equals(Volatile.Read(ref contexts[i]), id, System.StringComparison.Ordinal))
            {
                timestamp = _starts[i];
                // Released after the read, so the next owner's start cannot overwrite it first.
                Volatile.Write(ref contexts[i], null);
                return true;
            }
        }
        if (Volatile.Read(ref _overflowing) > 0 && context.Items.TryGetValue(OverflowKey, out object? boxed) && boxed is long start)
        {
            context.Items.Remove(OverflowKey);
            Interlocked.Decrement(ref _overflowing);
            timestamp = start;
            return true;
        }
        timestamp = 0;
        return false;
    }
}
