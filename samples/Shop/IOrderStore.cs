namespace Samples.Shop;

/// <summary>Where orders go; here, memory.</summary>
public interface IOrderStore
{
    /// <summary>How many orders were placed in this instance.</summary>
    int Count { get; }

    /// <summary>Stores an order and returns its id.</summary>
    string Add(Order order);
}
