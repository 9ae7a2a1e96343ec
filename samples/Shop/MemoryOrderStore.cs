using System.Globalization;
using System.Threading;
using Runtime.Engine.Functions.Annotations;

namespace Samples.Shop;

/// <summary>Keeps only a count: enough for a sample, and safe for concurrent invocations.</summary>
[FaaSService(typeof(IOrderStore))]
internal sealed class MemoryOrderStore : IOrderStore
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public string Add(Order order) =>
        "o-" + Interlocked.Increment(ref _count).ToString(CultureInfo.InvariantCulture);
}
