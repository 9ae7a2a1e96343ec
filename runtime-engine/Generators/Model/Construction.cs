namespace Runtime.Engine.Generators.Model;

/// <summary>How the generated code builds an instance of a class: <c>new Type(arguments...)</c>.</summary>
internal sealed record Construction(string Type, EquatableArray<Argument> Arguments, DisposeKind Dispose);
