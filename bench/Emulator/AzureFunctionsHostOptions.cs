using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of an <see cref="AzureFunctionsHostEmulator"/> (the Functions host running a custom handler).</summary>
public sealed class AzureFunctionsHostOptions
{
    /// <summary>Port, pool and timeouts of the caller.</summary>
    public CallerOptions Caller { get; init; } = new();

    /// <summary>Host version: <c>X-Azure-Functions-HostVersion</c> and the <c>User-Agent</c> product version.</summary>
    public string HostVersion { get; init; } = "4.33.2.22572";

    /// <summary><c>FUNCTIONS_CUSTOMHANDLER_WORKER_ID</c> / <c>FUNCTIONS_HTTPWORKER_ID</c>.</summary>
    public string WorkerId { get; init; } = "3f5b0c58-8c1f-4f4e-9a55-0d7c1f2a6b01";

    /// <summary><c>FUNCTIONS_APP_ROOT_PATH</c> and <c>AzureWebJobsScriptRoot</c>.</summary>
    public string AppRootPath { get; init; } = "/home/site/wwwroot";

    /// <summary><c>WEBSITE_SITE_NAME</c>.</summary>
    public string SiteName { get; init; } = "test-function-app";

    /// <summary>
    /// Send invocation payloads with <c>Transfer-Encoding: chunked</c>, as the host's <c>ObjectContent</c> (no known
    /// length) makes HttpClient do. False sends <c>Content-Length</c>.
    /// </summary>
    public bool ChunkedRequestBody { get; init; } = true;

    /// <summary>
    /// Require a JSON Content-Type (<c>application/json</c> or <c>text/json</c>) on payload-mode answers: the host reads
    /// them with <c>ReadAsAsync</c>, whose formatters reject other media types, and fails the invocation.
    /// </summary>
    public bool RequireJsonContentType { get; init; } = true;

    /// <summary><c>Host</c> of forwarded HTTP requests when the client sent none.</summary>
    public string PublicHost { get; init; } = "test-function-app.azurewebsites.net";

    /// <summary>Extra variables added to <see cref="AzureFunctionsHostEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }
}
