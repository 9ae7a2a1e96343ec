using System.Collections.Generic;
using System.Linq;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;
using Runtime.Spec.Yaml;

namespace Runtime.Spec.Reading;

internal sealed partial class SpecBinder
{
    private const string HandlerExpected = "the name the function is registered under (letters, digits, '-', '_', '.' and ':')";

    private IReadOnlyList<LayerSpec> Layers(Fields root)
    {
        var layers = new List<LayerSpec>();
        if (root.Mapping("layers", "a mapping of layer names to their 'path' and 'settings'") is not { } mapping)
        {
            return layers;
        }
        foreach (YamlEntry entry in mapping.Entries)
        {
            // A bad name is reported and the layer still bound, so functions naming it get no second message.
            CheckEntryName(entry.Key, "layer");
            if (EntryMapping(entry, "layer") is not { } body)
            {
                continue;
            }
            var fields = new Fields(body, $"layer '{entry.Key.Value}'", entry.Key.Location, this);
            var layer = new LayerSpec
            {
                Location = entry.Key.Location,
                Name = entry.Key.Value,
                Path = fields.String("path", "the layer's folder, relative to f.yml", required: true) ?? "",
                Settings = fields.Variables("settings", "setting"),
            };
            fields.Finish(layer);
            layers.Add(layer);
        }
        return layers;
    }

    private IReadOnlyList<FunctionSpec> Functions(Fields root, IReadOnlyList<LayerSpec> layers)
    {
        var functions = new List<FunctionSpec>();
        YamlEntry? entry = root.Entry("functions", "a mapping of function names to their settings", required: true);
        if (entry is null)
        {
            return functions;
        }
        if (entry.Value is not YamlMapping mapping)
        {
            Bag.Error(entry.Value.Location, $"'functions' must be a mapping of function names to their settings; got {entry.Value.Describe()}");
            return functions;
        }
        if (mapping.Entries.Count == 0)
        {
            Bag.Error(entry.Key.Location, "'functions' is empty; a service has at least one function");
        }
        foreach (YamlEntry function in mapping.Entries)
        {
            // A bad name is reported and the function still bound, so groups naming it get no second message.
            CheckEntryName(function.Key, "function");
            // A function with nothing under it ("hello:") is valid: its handler is its name, and it has no events.
            YamlMapping body = function.Value as YamlMapping ?? new YamlMapping(function.Key.Location);
            if (function.Value is not YamlMapping && function.Value is not YamlScalar { IsNull: true })
            {
                Bag.Error(function.Value.Location, $"function '{function.Key.Value}' must be a mapping; got {function.Value.Describe()}");
                continue;
            }
            functions.Add(Function(function.Key, body, layers));
        }
        return functions;
    }

    private FunctionSpec Function(YamlScalar key, YamlMapping body, IReadOnlyList<LayerSpec> layers)
    {
        string name = key.Value;
        var fields = new Fields(body, $"function '{name}'", key.Location, this);
        string? handler = fields.String("handler", HandlerExpected);
        if (handler is not null && !IsHandler(handler))
        {
            Bag.Error(body.Entries.Find(e => e.Key.Value == "handler")!.Value.Location, $"handler '{handler}' is not valid; expected {HandlerExpected}");
        }
        var function = new FunctionSpec
        {
            Location = key.Location,
            Name = name,
            Handler = handler ?? name,
            MemorySize = fields.Int("memorySize", MinMemory, MaxMemory, " of MB"),
            Timeout = fields.Int("timeout", 1, MaxTimeout, " of seconds"),
            InitTimeout = fields.Int("initTimeout", 1, MaxTimeout, " of seconds"),
            Concurrency = fields.Int("concurrency", 1, MaxConcurrency, ""),
            Environment = fields.Variables("environment", "environment variable", reserveFaas: true),
            Layers = FunctionLayers(fields, layers),
            Events = Events(fields, name),
        };
        fields.Finish(function);
        return function;
    }

    private List<string> FunctionLayers(Fields fields, IReadOnlyList<LayerSpec> layers)
    {
        var names = new List<string>();
        if (fields.StringList("layers", "a list of names from 'layers'") is not { } items)
        {
            return names;
        }
        var defined = layers.Select(l => l.Name).ToArray();
        foreach ((string text, SpecLocation location) in items)
        {
            if (!defined.Contains(text))
            {
                string hint = defined.Length == 0 ? "; the file has no 'layers'" : KeySuggestion.Hint(text, defined);
                Bag.Error(location, $"layer '{text}' is not defined in 'layers'{hint}");
            }
            else if (names.Contains(text))
            {
                Bag.Error(location, $"layer '{text}' is listed twice");
            }
            else
            {
                fields.Stamp($"layers[{names.Count}]", location);
                names.Add(text);
            }
        }
        return names;
    }

    private static bool IsHandler(string handler)
    {
        if (handler.Length == 0)
        {
            return false;
        }
        foreach (char c in handler)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
            {
                return false;
            }
        }
        return true;
    }
}
