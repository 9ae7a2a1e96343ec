namespace Runtime.Layers.AspNetCore.Tests;

/// <summary>A JSON body of the test apps.</summary>
public sealed record Item(int Id, string Name, string[] Tags);
