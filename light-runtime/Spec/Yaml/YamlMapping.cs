using System.Collections.Generic;
using Runtime.Spec.Model;

namespace Runtime.Spec.Yaml;

/// <summary>A YAML mapping, entries in file order, each key once (<see cref="YamlTree"/> reports and drops repeats).</summary>
internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(SpecLocation location) : base(location) { }

    public List<YamlEntry> Entries { get; } = [];

    public override string Describe() => "a mapping";
}
