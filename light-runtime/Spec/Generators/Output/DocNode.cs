namespace Runtime.Spec.Generators.Output;

/// <summary>
/// A node of a generated document: a mapping, a sequence or a scalar. Generators build the tree once and hand it to
/// <see cref="YamlEmitter"/> or <see cref="JsonEmitter"/>; keys keep the order they were added in, so output is stable.
/// </summary>
internal abstract class DocNode
{
}
