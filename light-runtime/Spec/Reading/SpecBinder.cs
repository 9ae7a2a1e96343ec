using System;
using System.Collections.Generic;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;
using Runtime.Spec.Yaml;

namespace Runtime.Spec.Reading;

/// <summary>
/// Turns the YAML tree of f.yml into a <see cref="ServiceSpec"/>, checking each value where it is read; the checks
/// that span functions (groups, routes, trigger names) run after, in <see cref="ServiceRules"/>. Reports every problem
/// and keeps going: the spec it returns is only meaningful when the bag has no errors.
/// </summary>
internal sealed partial class SpecBinder
{
    private readonly string _sourcePath;
    private readonly EnvSubstitution _substitution;

    public SpecBinder(string sourcePath, SourceText source, Func<string, string?> environment, DiagnosticBag bag)
    {
        _sourcePath = sourcePath;
        Bag = bag;
        _substitution = new EnvSubstitution(environment, source, bag);
    }

    public DiagnosticBag Bag { get; }

    /// <summary>A scalar's text, substituted; null (reported) when <paramref name="node"/> is not a scalar or a reference fails.</summary>
    public string? Text(YamlNode node, string key, string expected)
    {
        if (node is YamlScalar scalar)
        {
            return _substitution.Apply(scalar);
        }
        Bag.Error(node.Location, $"'{key}' must be {expected}; got {node.Describe()}");
        return null;
    }

    public ServiceSpec? Bind(YamlNode root)
    {
        if (root is not YamlMapping mapping)
        {
            Bag.Error(root.Location, $"f.yml must be a mapping with 'service', 'provider' and 'functions'; got {root.Describe()}");
            return null;
        }
        var fields = new Fields(mapping, "the file", new SpecLocation(1, 1), this);
        string service = Name(fields, "service", "the service name", required: true) ?? "";
        ProviderSpec provider = Provider(fields);
        IReadOnlyList<LayerSpec> layers = Layers(fields);
        IReadOnlyList<FunctionSpec> functions = Functions(fields, layers);
        IReadOnlyList<AggregationGroup> groups = Aggregation(fields, functions);
        var spec = new ServiceSpec
        {
            Location = mapping.Location,
            SourcePath = _sourcePath,
            Service = service,
            Provider = provider,
            Functions = functions,
            Layers = layers,
            Aggregation = groups,
        };
        fields.Finish(spec);
        return spec;
    }

    /// <summary>A name checked by <see cref="NameRules"/>.</summary>
    private string? Name(Fields fields, string key, string what, bool required = false)
    {
        const string expected = "a name (lower-case letters, digits and hyphens)";
        YamlEntry? entry = fields.Entry(key, expected, required);
        if (entry is null || Text(entry.Value, key, expected) is not { } name)
        {
            return null;
        }
        if (NameRules.Problem(name) is { } problem)
        {
            Bag.Error(entry.Value.Location, $"{what} '{name}' {problem}");
            return null;
        }
        return name;
    }

    /// <summary>Checks the key of a named entry (function, layer, group).</summary>
    private void CheckEntryName(YamlScalar key, string what)
    {
        if (NameRules.Problem(key.Value) is { } problem)
        {
            Bag.Error(key.Location, $"{what} name '{key.Value}' {problem}");
        }
    }

    private YamlMapping? EntryMapping(YamlEntry entry, string what)
    {
        if (entry.Value is YamlMapping mapping)
        {
            return mapping;
        }
        Bag.Error(entry.Value is YamlScalar { IsNull: true } ? entry.Key.Location : entry.Value.Location,
            $"{what} '{entry.Key.Value}' must be a mapping; got {entry.Value.Describe()}");
        return null;
    }
}
