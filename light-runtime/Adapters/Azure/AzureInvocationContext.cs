using System.Text.Json;

namespace Runtime.Light.Adapters.Azure;

/// <summary>
/// An Azure Functions custom-handler invocation: the function name from the request path, and for payload-mode
/// invocations the raw <c>Metadata</c> JSON the host sent (trigger metadata and <c>sys</c>). Read it with
/// <c>context.GetPlatformContext&lt;AzureInvocationContext&gt;()</c>.
/// </summary>
public sealed class AzureInvocationContext
{
    internal AzureInvocationContext(string functionName, string invocationId, string? metadataJson)
    {
        FunctionName = functionName;
        InvocationId = invocationId;
        MetadataJson = metadataJson;
    }

    /// <summary>The Azure function the host invoked (the request path), or the forwarded request's path.</summary>
    public string FunctionName { get; }

    /// <summary><c>X-Azure-Functions-InvocationId</c>.</summary>
    public string InvocationId { get; }

    /// <summary>The <c>Metadata</c> object of a payload-mode request, as JSON text; null for forwarded HTTP requests.</summary>
    public string? MetadataJson { get; }
}
