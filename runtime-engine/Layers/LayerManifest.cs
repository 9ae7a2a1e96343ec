using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Runtime.Engine.Json;

namespace Runtime.Engine.Layers;

/// <summary>
/// A layer folder's <c>layer.json</c>: <c>name</c>, <c>version</c>, <c>abiVersion</c>, <c>library</c> (a native shared
/// library, or a managed <c>.dll</c> for a bootstrap running on the JIT), <c>order</c>, <c>failure</c>
/// (<c>closed</c>|<c>open</c>), <c>hookTimeoutMs</c> and <c>settings</c> (an object of strings, numbers or booleans).
/// </summary>
public sealed class LayerManifest
{
    private LayerManifest(string name, string? version, int abiVersion, string library, LayerOptions options)
    {
        Name = name;
        Version = version;
        AbiVersion = abiVersion;
        Library = library;
        Options = options;
    }

    /// <summary>The layer's name.</summary>
    public string Name { get; }

    /// <summary>The layer's version, as written.</summary>
    public string? Version { get; }

    /// <summary>The layer ABI version the library was built for.</summary>
    public int AbiVersion { get; }

    /// <summary>The library's full path.</summary>
    public string Library { get; }

    /// <summary>Order, failure policy, time limit and settings.</summary>
    public LayerOptions Options { get; }

    /// <summary>
    /// Reads <c>layer.json</c> in <paramref name="folder"/>. Throws <see cref="LayerLoadException"/> naming the folder and
    /// the field when it is missing, not JSON, or has a field of the wrong kind.
    /// </summary>
    public static LayerManifest Read(string folder)
    {
        string file = Path.Combine(folder, "layer.json");
        string label = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException ex)
        {
            throw new LayerLoadException(label, $"'{file}' cannot be read: {ex.Message}", ex);
        }
        return Parse(bytes, folder, file, label);
    }

    /// <summary>
    /// Parses the bytes of <paramref name="file"/> (the <c>layer.json</c> of <paramref name="folder"/>); throws only
    /// <see cref="LayerLoadException"/>, whatever the bytes (the fuzz target tests/Fuzz calls this directly).
    /// </summary>
    internal static LayerManifest Parse(ReadOnlyMemory<byte> bytes, string folder, string file, string label)
    {
        bytes = JsonComments.Strip(bytes); // comments stay allowed (see JsonComments for why they are taken out here)
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new LayerLoadException(label, $"'{file}' is not valid JSON: {ex.Message}", ex);
        }
        if (!JsonText.IsValid(bytes.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
            // Reading such a string would throw InvalidOperationException, not this method's exception (found by tests/Fuzz).
            document.Dispose();
            throw new LayerLoadException(label, $"'{file}' is not valid JSON: a string is not valid UTF-8 or has an unpaired surrogate escape.");
        }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LayerLoadException(label, $"'{file}' must hold a JSON object.");
            }
            string name = RequiredString(root, "name", label, file);
            string library = RequiredString(root, "library", label, file);
            int abi = Int(root, "abiVersion", label, file) ?? throw new LayerLoadException(name, $"'{file}' has no 'abiVersion'.");
            string failureText = OptionalString(root, "failure", label, file) ?? "closed";
            LayerFailurePolicy failure = failureText.ToLowerInvariant() switch
            {
                "closed" => LayerFailurePolicy.Closed,
                "open" => LayerFailurePolicy.Open,
                _ => throw new LayerLoadException(name, $"'{file}' has failure '{failureText}'; it must be 'closed' or 'open'."),
            };
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("settings", out JsonElement map))
            {
                if (map.ValueKind != JsonValueKind.Object)
                {
                    throw new LayerLoadException(name, $"'{file}' has 'settings' that is not an object.");
                }
                foreach (JsonProperty setting in map.EnumerateObject())
                {
                    settings[setting.Name] = setting.Value.ValueKind switch
                    {
                        JsonValueKind.String => setting.Value.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => setting.Value.GetRawText(),
                        _ => throw new LayerLoadException(name, $"'{file}' setting '{setting.Name}' must be a string, a number or a boolean."),
                    };
                }
            }
            var options = new LayerOptions
            {
                Order = Int(root, "order", name, file) ?? 0,
                Failure = failure,
                HookTimeout = TimeSpan.FromMilliseconds(Int(root, "hookTimeoutMs", name, file) ?? 2000),
                Settings = settings,
                Source = folder,
                Version = OptionalString(root, "version", name, file),
            };
            if (library.Contains('\0', StringComparison.Ordinal))
            {
                // Path.GetFullPath would throw ArgumentException (found by tests/Fuzz).
                throw new LayerLoadException(name, $"'{file}' has a 'library' with a NUL character.");
            }
            return new LayerManifest(name, options.Version, abi, Path.GetFullPath(Path.Combine(folder, library)), options);
        }
    }

    private static string RequiredString(JsonElement root, string field, string label, string file) =>
        OptionalString(root, field, label, file) ?? throw new LayerLoadException(label, $"'{file}' has no '{field}'.");

    private static string? OptionalString(JsonElement root, string field, string label, string file)
    {
        if (!root.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : throw new LayerLoadException(label, $"'{file}' field '{field}' must be a non-empty string.");
    }

    private static int? Int(JsonElement root, string field, string label, string file)
    {
        if (!root.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw new LayerLoadException(label, $"'{file}' field '{field}' must be a whole number.");
    }
}
