using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Runtime.Emulator;

/// <summary>The <c>{Data, Metadata}</c> payloads the host posts, and how it reads the handler's answer.</summary>
public sealed partial class AzureFunctionsHostEmulator
{
    private static byte[] HttpPayload(
        string functionName,
        string method,
        string url,
        IEnumerable<KeyValuePair<string, string>>? query,
        IEnumerable<KeyValuePair<string, string>>? headers,
        ReadOnlySpan<byte> body,
        string bindingName,
        IReadOnlyDictionary<string, string>? routeParameters)
    {
        List<KeyValuePair<string, List<string>>> queryValues = Group(query ?? ParseQuery(url));
        List<KeyValuePair<string, List<string>>> headerValues = Group(headers ?? Array.Empty<KeyValuePair<string, string>>());
        string? contentType = null;
        foreach (KeyValuePair<string, List<string>> header in headerValues)
        {
            if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = header.Value[0];
            }
        }

        var buffer = new ArrayBufferWriter<byte>(512 + body.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Data");
            writer.WriteStartObject(bindingName);
            writer.WriteString("Url", url);
            writer.WriteString("Method", method.ToUpperInvariant());
            WriteJoined(writer, "Query", queryValues);
            writer.WriteStartObject("Headers");
            foreach (KeyValuePair<string, List<string>> header in headerValues)
            {
                writer.WriteStartArray(header.Key);
                foreach (string value in header.Value)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("Params");
            if (routeParameters is not null)
            {
                foreach (KeyValuePair<string, string> parameter in routeParameters)
                {
                    writer.WriteString(parameter.Key, parameter.Value);
                }
            }

            writer.WriteEndObject();
            WriteAnonymousIdentities(writer);
            if (body.Length > 0)
            {
                // The host sends octet-stream and multipart bodies as bytes (Newtonsoft: base64), anything else as a string.
                if (IsBinary(contentType))
                {
                    writer.WriteBase64String("Body", body);
                }
                else
                {
                    writer.WriteString("Body", Encoding.UTF8.GetString(body));
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("Metadata");
            WriteJoined(writer, "Query", queryValues);
            WriteJoined(writer, "Headers", headerValues);
            WriteSys(writer, functionName);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] QueuePayload(string functionName, string item, string bindingName, int dequeueCount)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var buffer = new ArrayBufferWriter<byte>(512 + item.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Data");
            writer.WriteString(bindingName, item);
            writer.WriteEndObject();
            writer.WriteStartObject("Metadata");
            writer.WriteNumber("DequeueCount", dequeueCount);
            writer.WriteString("ExpirationTime", QueueTime(now.AddDays(7)));
            writer.WriteString("Id", Guid.NewGuid().ToString("D"));
            writer.WriteString("InsertionTime", QueueTime(now));
            writer.WriteString("NextVisibleTime", QueueTime(now.AddMinutes(10)));
            writer.WriteString("PopReceipt", Convert.ToBase64String(Guid.NewGuid().ToByteArray()[..12]));
            WriteSys(writer, functionName);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private AzureInvocationResult ReadResult(string invocationId, ReceivedResponse response)
    {
        IReadOnlyList<string> noLogs = Array.Empty<string>();
        if (!response.IsSuccessStatusCode)
        {
            // The host calls EnsureSuccessStatusCode before reading outputs.
            string failure = string.Create(CultureInfo.InvariantCulture, $"Response status code does not indicate success: {response.StatusCode} ({response.ReasonPhrase}).");
            return new AzureInvocationResult(invocationId, response, failure, null, noLogs, null);
        }

        string? contentType = response.Header("Content-Type");
        if (_options.RequireJsonContentType && !IsJsonMediaType(contentType))
        {
            return new AzureInvocationResult(invocationId, response, $"Invalid HttpResponseMessage: no JSON formatter reads Content-Type '{contentType}'.", null, noLogs, null);
        }

        if (response.Body.Length == 0)
        {
            return new AzureInvocationResult(invocationId, response, "Invalid HttpResponseMessage: empty body.", null, noLogs, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Body);
        }
        catch (JsonException exception)
        {
            // Reported in the result, as the host fails the invocation with "Invalid HttpResponseMessage".
            return new AzureInvocationResult(invocationId, response, "Invalid HttpResponseMessage: " + exception.Message, null, noLogs, null);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new AzureInvocationResult(invocationId, response, "Invalid HttpResponseMessage: the body is not a JSON object.", null, noLogs, null);
            }

            JsonElement? outputs = null;
            JsonElement? returnValue = null;
            var logs = new List<string>();
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Name.Equals("Outputs", StringComparison.OrdinalIgnoreCase))
                {
                    outputs = property.Value.Clone();
                }
                else if (property.Name.Equals("ReturnValue", StringComparison.OrdinalIgnoreCase))
                {
                    returnValue = property.Value.Clone();
                }
                else if (property.Name.Equals("Logs", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement line in property.Value.EnumerateArray())
                    {
                        logs.Add(line.ValueKind == JsonValueKind.String ? line.GetString()! : line.GetRawText());
                    }
                }
            }

            return new AzureInvocationResult(invocationId, response, null, outputs, logs, returnValue);
        }
    }

    private static bool IsJsonMediaType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        int semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        string mediaType = (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsBinary(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase));

    private static void WriteJoined(Utf8JsonWriter writer, string name, List<KeyValuePair<string, List<string>>> values)
    {
        writer.WriteStartObject(name);
        foreach (KeyValuePair<string, List<string>> pair in values)
        {
            writer.WriteString(pair.Key, string.Join(',', pair.Value));
        }

        writer.WriteEndObject();
    }

    private static void WriteSys(Utf8JsonWriter writer, string functionName)
    {
        writer.WriteStartObject("sys");
        writer.WriteString("MethodName", functionName);
        writer.WriteString("UtcNow", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("RandGuid", Guid.NewGuid().ToString("D"));
        writer.WriteEndObject();
    }

    /// <summary>The anonymous ClaimsIdentity the captured host request carries for an unauthenticated caller.</summary>
    private static void WriteAnonymousIdentities(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("Identities");
        writer.WriteStartObject();
        writer.WriteNull("AuthenticationType");
        writer.WriteBoolean("IsAuthenticated", false);
        writer.WriteNull("Actor");
        writer.WriteNull("BootstrapContext");
        writer.WriteStartArray("Claims");
        writer.WriteEndArray();
        writer.WriteNull("Label");
        writer.WriteNull("Name");
        writer.WriteString("NameClaimType", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
        writer.WriteString("RoleClaimType", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role");
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static string QueueTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Groups values by name (case-insensitive), keeping the first spelling and first-seen order.</summary>
    private static List<KeyValuePair<string, List<string>>> Group(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var grouped = new List<KeyValuePair<string, List<string>>>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            if (index.TryGetValue(pair.Key, out int at))
            {
                grouped[at].Value.Add(pair.Value);
            }
            else
            {
                index[pair.Key] = grouped.Count;
                grouped.Add(new KeyValuePair<string, List<string>>(pair.Key, new List<string> { pair.Value }));
            }
        }

        return grouped;
    }

    /// <summary>The query string of <paramref name="url"/> as decoded pairs (<c>+</c> = space, as ASP.NET Core reads it).</summary>
    private static List<KeyValuePair<string, string>> ParseQuery(string url)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        int question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return pairs;
        }

        string queryString = url[(question + 1)..];
        int hash = queryString.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            queryString = queryString[..hash];
        }

        foreach (string part in queryString.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string name = equals >= 0 ? part[..equals] : part;
            string value = equals >= 0 ? part[(equals + 1)..] : string.Empty;
            pairs.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
        }

        return pairs;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
