namespace Samples.Shop;

/// <summary>What the tick function answers: which tick it handled and how many orders it saw.</summary>
public sealed record TickReport(string Function, string? Time, int OrdersSeen);
