using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Spec.Model;

namespace Runtime.Spec;

/// <summary>
/// Writes <c>faas-manifest.json</c>, the run-time manifest a deployed bootstrap reads to route an aggregated
/// function's requests (the engine's <c>AggregationManifest</c>). Contract, version 1:
/// <code>
/// {"version":1,"service":"shop","group":"api","prefix":"/api",
///  "functions":[{"name":"&lt;handler&gt;","http":[{"path":"/hello/{name}","methods":["GET"]}],"triggers":["hello-timer-1"]}]}
/// </code>
/// <c>group</c> is null and <c>prefix</c> empty for a lone function; paths are as written in f.yml, without the
/// prefix; empty <c>methods</c> means any; <c>triggers</c> are the <see cref="EventSpec.TriggerName"/>s of the
/// function's non-HTTP events. Functions are in f.yml order (which breaks ties between equally specific routes).
/// </summary>
public static class ManifestWriter
{
    /// <summary>The manifest's file name, beside the bootstrap.</summary>
    public const string FileName = "faas-manifest.json";

    /// <summary>The format version written.</summary>
    public const int Version = 1;

    /// <summary>Writes the manifest of <paramref name="deployment"/> (one of <paramref name="spec"/>'s planned deployments) as UTF-8 JSON.</summary>
    public static void Write(IBufferWriter<byte> output, ServiceSpec spec, Deployment deployment)
    {
        // Relaxed escaping keeps '+' in "{key+}" readable; the file is never embedded in HTML.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteString("service", spec.Service);
        if (deployment.Group is { } group)
        {
            json.WriteString("group", group.Name);
            json.WriteString("prefix", group.Prefix);
        }
        else
        {
            json.WriteNull("group");
            json.WriteString("prefix", "");
        }
        json.WriteStartArray("functions");
        foreach (FunctionSpec function in deployment.Members)
        {
            json.WriteStartObject();
            json.WriteString("name", function.Handler);
            json.WriteStartArray("http");
            var written = new List<(string Path, string Methods)>();
            foreach (HttpEvent http in function.Events.OfType<HttpEvent>())
            {
                // The same route exposed through both 'http' and 'apigw' is one route to the router.
                (string, string) route = (http.Path, string.Join(',', http.Methods.Order()));
                if (written.Contains(route))
                {
                    continue;
                }
                written.Add(route);
                json.WriteStartObject();
                json.WriteString("path", http.Path);
                json.WriteStartArray("methods");
                foreach (string method in http.Methods)
                {
                    json.WriteStringValue(method);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("triggers");
            foreach (EventSpec e in function.Events)
            {
                if (e is not HttpEvent)
                {
                    json.WriteStringValue(e.TriggerName);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The manifest as UTF-8 bytes.</summary>
    public static byte[] ToUtf8Bytes(ServiceSpec spec, Deployment deployment)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, spec, deployment);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the manifest to <paramref name="directory"/>/<see cref="FileName"/> and returns that path.</summary>
    public static string WriteFile(string directory, ServiceSpec spec, Deployment deployment)
    {
        string path = Path.Combine(directory, FileName);
        File.WriteAllBytes(path, ToUtf8Bytes(spec, deployment));
        return path;
    }
}
