using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>
/// Reads <c>faas-manifest.json</c>, the run-time manifest the package step writes for an aggregation group:
/// <code>
/// {"version":1,"service":"shop","group":"api","prefix":"/api",
///  "functions":[{"name":"hello","http":[{"path":"/hello/{name}","methods":["GET"]}],"triggers":["hello-timer-0"]}]}
/// </code>
/// Route paths are below <c>prefix</c>; <c>methods</c> empty or missing takes any method; <c>http</c> and
/// <c>triggers</c> may be missing; unknown properties are ignored. Anything else throws
/// <see cref="AggregationException"/> with a message naming the file and the field. Whether the functions are
/// registered is checked later, at FunctionStart.
/// </summary>
public static class AggregationManifestReader
{
    /// <summary>The manifest's file name, beside the executable unless configured otherwise.</summary>
    public const string FileName = "faas-manifest.json";

    /// <summary>Reads the manifest file at <paramref name="path"/>.</summary>
    public static AggregationManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AggregationException($"Aggregation manifest {path} cannot be read: {ex.Message}");
        }
        return Parse(bytes, path);
    }

    /// <summary>Reads a manifest from <paramref name="json"/>; <paramref name="source"/> names it in messages.</summary>
    public static AggregationManifest Parse(ReadOnlyMemory<byte> json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string where = $"Aggregation manifest {source}";
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AggregationException($"{where} is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AggregationException($"{where} must be a JSON object.");
            }
            if (!root.TryGetProperty("version", out JsonElement versionElement) || versionElement.ValueKind == JsonValueKind.Null)
            {
                throw new AggregationException($"{where} has no \"version\"; this runtime reads version {AggregationManifest.SupportedVersion}.");
            }
            if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out int version))
            {
                throw new AggregationException($"{where}: version must be an integer.");
            }
            if (version != AggregationManifest.SupportedVersion)
            {
                // Nothing else is read: a later version may mean something else by the same fields.
                throw new AggregationException($"{where} has version {version}; this runtime reads version {AggregationManifest.SupportedVersion}.");
            }
            string? service = OptionalString(root, "service", "service", where);
            string? group = OptionalString(root, "group", "group", where);
            string? prefix = OptionalString(root, "prefix", "prefix", where);
            if (!root.TryGetProperty("functions", out JsonElement functionsElement) || functionsElement.ValueKind != JsonValueKind.Array)
            {
                throw new AggregationException($"{where}: functions must be an array.");
            }
            var functions = new List<AggregatedFunction>(functionsElement.GetArrayLength());
            int index = 0;
            foreach (JsonElement function in functionsElement.EnumerateArray())
            {
                functions.Add(ReadFunction(function, $"functions[{index}]", where));
                index++;
            }
            return new AggregationManifest(version, service, group, prefix, functions, source);
        }
    }

    private static AggregatedFunction ReadFunction(JsonElement function, string at, string where)
    {
        if (function.ValueKind != JsonValueKind.Object)
        {
            throw new AggregationException($"{where}: {at} must be an object.");
        }
        string? name = OptionalString(function, "name", at + ".name", where);
        if (string.IsNullOrEmpty(name))
        {
            throw new AggregationException($"{where}: {at}.name must be a non-empty string.");
        }
        var routes = new List<HttpRouteSpec>();
        if (OptionalArray(function, "http", $"{at}.http", where) is { } http)
        {
            int index = 0;
            foreach (JsonElement route in http.EnumerateArray())
            {
                string routeAt = $"{at}.http[{index}]";
                if (route.ValueKind != JsonValueKind.Object)
                {
                    throw new AggregationException($"{where}: {routeAt} must be an object.");
                }
                string path = OptionalString(route, "path", routeAt + ".path", where)
                    ?? throw new AggregationException($"{where}: {routeAt}.path must be a string.");
                routes.Add(new HttpRouteSpec(path, Strings(route, "methods", routeAt + ".methods", where)));
                index++;
            }
        }
        return new AggregatedFunction(name, routes, Strings(function, "triggers", at + ".triggers", where));
    }

    private static string? OptionalString(JsonElement owner, string name, string at, string where)
    {
        if (!owner.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new AggregationException($"{where}: {at} must be a string.");
    }

    private static JsonElement? OptionalArray(JsonElement owner, string name, string at, string where)
    {
        if (!owner.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Array ? value : throw new AggregationException($"{where}: {at} must be an array.");
    }

    private static IReadOnlyList<string> Strings(JsonElement owner, string name, string at, string where)
    {
        if (OptionalArray(owner, name, at, where) is not { } array)
        {
            return Array.Empty<string>();
        }
        var values = new List<string>(array.GetArrayLength());
        int index = 0;
        foreach (JsonElement value in array.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw new AggregationException($"{where}: {at}[{index}] must be a string.");
            }
            values.Add(value.GetString()!);
            index++;
        }
        return values;
    }
}
