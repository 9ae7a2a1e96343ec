using System.Collections.Generic;
using Runtime.Spec.Model;

namespace Runtime.Spec.Yaml;

/// <summary>A YAML sequence (block <c>- x</c> or flow <c>[x, y]</c>).</summary>
internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(SpecLocation location) : base(location) { }

    public List<YamlNode> Items { get; } = [];

    public override string Describe() => "a list";
}
