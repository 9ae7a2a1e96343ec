namespace Samples.AspNetCoreApp;

/// <summary>A to-do item.</summary>
public sealed record Todo(int Id, string Title, bool Done);
