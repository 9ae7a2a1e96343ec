using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Runtime.Light.Hosting;

namespace Runtime.Light.Adapters.Azure;

/// <summary>
/// The function app's timeout, which the host enforces but does not send with a request: the
/// <c>AzureFunctionsJobHost__functionTimeout</c> app setting when set, else <c>functionTimeout</c> in the app root's
/// <c>host.json</c> (a time span, <c>hh:mm:ss</c>). Null when neither gives a positive time span (<c>-1</c> or null
/// means unbounded; a missing or unreadable file leaves the timeout unknown rather than failing the start).
/// </summary>
internal static class AzureFunctionTimeout
{
    public static TimeSpan? Read(IEnvironment environment)
    {
        if (environment.Get(AzureProtocol.FunctionTimeoutEnv) is { Length: > 0 } setting)
        {
            return Parse(setting);
        }
        string root = environment.Get(AzureProtocol.AppRootEnv) is { Length: > 0 } appRoot ? appRoot : Directory.GetCurrentDirectory();
        string path = Path.Combine(root, AzureProtocol.HostJson);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("functionTimeout", out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? Parse(value.GetString()!)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? Parse(string text) =>
        TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out TimeSpan timeout) && timeout > TimeSpan.Zero ? timeout : null;
}
