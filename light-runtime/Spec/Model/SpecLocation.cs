namespace Runtime.Spec.Model;

/// <summary>Where something is in f.yml: 1-based line and column, as an editor shows them.</summary>
public readonly record struct SpecLocation(int Line, int Column)
{
    /// <summary>No position (a value that came from a default, not from the file).</summary>
    public static SpecLocation None => default;

    /// <summary>Whether this points into the file.</summary>
    public bool IsKnown => Line > 0;

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "?";
}
