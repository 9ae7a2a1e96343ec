using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Runtime.Spec.Generators.Output;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators;

/// <summary>
/// What one generator run shares: the spec, the options, the diagnostics found so far, and the environment every
/// deployment gets from the runtime's side (handler, layer settings, layers folder).
/// </summary>
internal sealed class GenerationContext
{
    private readonly List<SpecDiagnostic> _diagnostics = new();

    public GenerationContext(string cloud, ServiceSpec spec, GenerateOptions options)
    {
        Cloud = cloud;
        Spec = spec;
        Options = options;
    }

    /// <summary>The cloud's name as messages say it (e.g. "AWS SAM").</summary>
    public string Cloud { get; }

    public ServiceSpec Spec { get; }

    public GenerateOptions Options { get; }

    public IReadOnlyList<SpecDiagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// Reports that the value of <paramref name="field"/> on <paramref name="node"/> has no equivalent on this cloud:
    /// an error, or (with <see cref="GenerateOptions.UnsupportedAsWarnings"/>) a warning that says what was written instead.
    /// </summary>
    /// <param name="what">What the cloud lacks, as a clause: "has no per-function memory size".</param>
    /// <param name="instead">What the generator writes in its place, as a clause: "left it out", "wrote an HTTP trigger".</param>
    public void Unsupported(SpecNode node, string field, string what, string instead)
    {
        SpecLocation location = node.LocationOf(field);
        Add(Options.UnsupportedAsWarnings
            ? SpecDiagnostic.Warning(location, $"'{field}': {Cloud} {what}; {instead}.")
            : SpecDiagnostic.Error(location, $"'{field}': {Cloud} {what} (with unsupported fields as warnings the generator {instead})."));
    }

    /// <summary>
    /// An aggregated instance routes a non-HTTP event by the trigger name the event carries. Reports each event of a
    /// group that this cloud delivers without one (<paramref name="carriesTriggerName"/> false): its every event would
    /// end in <c>Runtime.NoRoute</c>, so the function belongs in a deployment of its own.
    /// </summary>
    public void RequireRoutableEvents(Deployment deployment, Func<EventSpec, bool> carriesTriggerName)
    {
        if (deployment.Group is not { } group)
        {
            return;
        }
        foreach (DeployedEvent deployed in deployment.Events)
        {
            EventSpec spec = deployed.Event;
            if (spec is HttpEvent || carriesTriggerName(spec))
            {
                continue;
            }
            Unsupported(spec, spec.Kind,
                $"delivers '{spec.Kind}' events without a trigger name, so aggregation group '{group.Name}' cannot route them to '{deployed.Function.Name}' (deploy it alone)",
                "wrote the trigger anyway; each of its events will fail with Runtime.NoRoute");
        }
    }

    /// <summary>Reports an error that no option turns into a warning (the file would not deploy at all).</summary>
    public void Error(SpecNode node, string field, string message) =>
        Add(SpecDiagnostic.Error(node.LocationOf(field), $"'{field}': {message}"));

    /// <summary>
    /// The deployment's layers as the published references its cloud's file takes (<see cref="GenerateOptions.LayerReferences"/>),
    /// each turned into its entry by <paramref name="entry"/> (null when the reference is not valid there); a layer without
    /// a usable reference is an error at its <c>path</c>, with the message <paramref name="missing"/> gives.
    /// </summary>
    public DocList PublishedLayers(Deployment deployment, Func<LayerSpec, string, DocNode?> entry, Func<LayerSpec, string> missing)
    {
        var layers = new DocList();
        foreach (LayerSpec layer in deployment.Layers)
        {
            if (Options.LayerReferences.TryGetValue(layer.Name, out string? reference) && entry(layer, reference) is { } node)
            {
                layers.Add(node);
            }
            else
            {
                Error(layer, "path", missing(layer));
            }
        }
        return layers;
    }

    /// <summary>Adds a diagnostic once: a provider setting every deployment inherits is reported at its one line, not per deployment.</summary>
    private void Add(SpecDiagnostic diagnostic)
    {
        if (!_diagnostics.Contains(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>
    /// The deployment's environment as the cloud should set it: f.yml's (provider, then members), then
    /// <c>FAAS_HANDLER</c> for a lone function, each layer's settings as <c>FAAS_LAYER_&lt;NAME&gt;_&lt;KEY&gt;</c>, and
    /// <c>FAAS_LAYERS_DIR</c> when <paramref name="layersDirectory"/> is given (clouds without layers). A group sets no
    /// handler: the bootstrap routes by the <c>faas-manifest.json</c> the package step writes next to it.
    /// </summary>
    public SortedDictionary<string, string> Environment(Deployment deployment, string? layersDirectory = null)
    {
        var environment = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> entry in deployment.Environment)
        {
            environment[entry.Key] = entry.Value;
        }
        if (deployment.Handler is { } handler)
        {
            environment["FAAS_HANDLER"] = handler;
        }
        foreach (LayerSpec layer in deployment.Layers)
        {
            foreach (KeyValuePair<string, string> setting in layer.Settings)
            {
                environment[$"FAAS_LAYER_{EnvironmentName(layer.Name)}_{EnvironmentName(setting.Key)}"] = setting.Value;
            }
        }
        if (layersDirectory is not null && deployment.Layers.Count > 0)
        {
            environment["FAAS_LAYERS_DIR"] = layersDirectory;
        }
        return environment;
    }

    /// <summary>
    /// The f.yml node whose field gave the deployment its value (for the diagnostic's position): the group when it set
    /// the field, else the first member that did, else the provider.
    /// </summary>
    public SpecNode SourceOf(Deployment deployment, string field)
    {
        if (deployment.Group is { } group && group.Has(field))
        {
            return group;
        }
        foreach (FunctionSpec member in deployment.Members)
        {
            if (member.Has(field))
            {
                return member;
            }
        }
        return Spec.Provider.Has(field) ? Spec.Provider : deployment.Members[0];
    }

    /// <summary>The cloud function's name: <c>&lt;service&gt;-&lt;stage&gt;-&lt;deployment&gt;</c>, unique per account and region.</summary>
    public string FunctionName(Deployment deployment) => $"{Spec.Service}-{Spec.Provider.Stage}-{deployment.Name}";

    /// <summary>Upper-case letters, digits and underscores (anything else becomes '_').</summary>
    public static string EnvironmentName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return builder.ToString();
    }

    /// <summary>An identifier of letters and digits in PascalCase (CloudFormation logical ids): "get-item_v2" gives "GetItemV2".</summary>
    public static string PascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.ToString();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
