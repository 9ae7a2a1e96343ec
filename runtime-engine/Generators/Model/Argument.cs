namespace Runtime.Engine.Generators.Model;

/// <summary>One argument the generated code passes: how it is obtained, and its type (fully qualified).</summary>
internal sealed record Argument(ArgumentKind Kind, string Type);
