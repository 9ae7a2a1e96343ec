using Runtime.Spec.Model;

namespace Runtime.Spec.Yaml;

/// <summary>A node of the parsed YAML document with where it is: what the binder walks (see <see cref="YamlTree"/>).</summary>
internal abstract class YamlNode
{
    protected YamlNode(SpecLocation location) => Location = location;

    /// <summary>Where the node starts (1-based line and column).</summary>
    public SpecLocation Location { get; }

    /// <summary>How a message names what was found instead of what was expected: "a list", "a mapping", "'text'".</summary>
    public abstract string Describe();
}
