namespace Runtime.Light.Adapters.Azure;

/// <summary>
/// Azure Functions custom handlers: environment and headers.
/// https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers and shared/docs/protocols.md section 5.
/// </summary>
internal static class AzureProtocol
{
    public const string PlatformName = "azure-functions";

    public const string PortEnv = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const string SiteNameEnv = "WEBSITE_SITE_NAME";
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    /// <summary>The function app's root, where <c>host.json</c> is (set by the host for the custom handler).</summary>
    public const string AppRootEnv = "FUNCTIONS_APP_ROOT_PATH";

    /// <summary>The app setting that overrides host.json's <c>functionTimeout</c> (<c>AzureFunctionsJobHost__</c> + the host.json path).</summary>
    public const string FunctionTimeoutEnv = "AzureFunctionsJobHost__functionTimeout";

    public const string HostJson = "host.json";
}
