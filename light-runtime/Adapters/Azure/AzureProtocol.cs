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
}
