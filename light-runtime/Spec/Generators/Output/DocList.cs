using System.Collections.Generic;

namespace Runtime.Spec.Generators.Output;

/// <summary>A sequence, in the order items were added.</summary>
internal sealed class DocList : DocNode
{
    private readonly List<DocNode> _items = new();

    public IReadOnlyList<DocNode> Items => _items;

    public DocList Add(DocNode item)
    {
        _items.Add(item);
        return this;
    }

    public DocList Add(string item) => Add(DocScalar.String(item));

    /// <summary>A list of strings.</summary>
    public static DocList Of(IEnumerable<string> items)
    {
        var list = new DocList();
        foreach (string item in items)
        {
            list.Add(item);
        }
        return list;
    }
}
