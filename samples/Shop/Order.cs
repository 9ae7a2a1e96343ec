namespace Samples.Shop;

/// <summary>An order, the JSON body of <c>POST /orders</c>.</summary>
public sealed record Order(string Sku, int Quantity);
