using Runtime.Spec.Model;
using YamlDotNet.Core;

namespace Runtime.Spec.Yaml;

/// <summary>A scalar as written (before <c>${env.NAME}</c> substitution), with its span in the source text.</summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, ScalarStyle style, SpecLocation location, int startIndex, int endIndex)
        : base(location)
    {
        Value = value;
        Style = style;
        StartIndex = startIndex;
        EndIndex = endIndex;
    }

    /// <summary>The scalar's value, YAML escapes and folding already applied.</summary>
    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>Index of the scalar's first character in the source text (its opening quote, if quoted).</summary>
    public int StartIndex { get; }

    /// <summary>Index just past the scalar in the source text.</summary>
    public int EndIndex { get; }

    /// <summary>A plain <c>~</c>, <c>null</c> or nothing at all: YAML's null, which f.yml reads as "key not given".</summary>
    public bool IsNull => (Style is ScalarStyle.Plain or ScalarStyle.Any) && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing (null)" : $"'{Value}'";
}
