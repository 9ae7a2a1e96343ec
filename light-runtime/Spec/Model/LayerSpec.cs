namespace Runtime.Spec.Model;

/// <summary>One entry of <c>layers</c>: a runtime layer (a folder holding <c>layer.json</c>) stacked onto functions that name it.</summary>
public sealed class LayerSpec : SpecNode
{
    /// <summary>The key of the entry; functions name it in their <c>layers</c> list.</summary>
    public required string Name { get; init; }

    /// <summary><c>path</c>: the layer's folder (with <c>layer.json</c>), relative to f.yml.</summary>
    public required string Path { get; init; }

    /// <summary><c>settings</c>: the layer's settings, given to it at RuntimeStart (as the <c>FAAS_LAYER_&lt;NAME&gt;_&lt;KEY&gt;</c> environment the layer reads).</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, string> Settings { get; init; } = new System.Collections.Generic.Dictionary<string, string>();
}
