namespace Samples.Shop;

/// <summary>The answer to an order.</summary>
public sealed record Receipt(string OrderId, string Sku, int Quantity);
