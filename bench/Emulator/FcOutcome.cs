using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>
/// The bootstrap's answer to one Function Compute request, interpreted as FC does.
/// <para>
/// Function-error rule (Alibaba "Event handlers" / "Specifications" pages): on <c>/invoke</c> and <c>/http-invoke</c>
/// the <c>x-fc-status</c> response header decides: <c>200</c> = success, <c>404</c> = function error (FC records a
/// failed invocation); when it is absent FC counts the call as successful whatever the HTTP status. This emulator
/// treats any <c>x-fc-status</c> other than <c>200</c> as a function error. On <c>/initialize</c>, <c>/pre-stop</c> and
/// <c>/pre-freeze</c> the HTTP status decides: 2xx = success, anything else = failure (current docs; older ones said 404).
/// </para>
/// </summary>
public sealed class FcOutcome
{
    internal FcOutcome(FcCall call, string requestId, ReceivedResponse response)
    {
        Call = call;
        RequestId = requestId;
        Response = response;
        FcStatus = response.Header("x-fc-status");
        IsFunctionError = call is FcCall.Invoke or FcCall.HttpInvoke
            ? FcStatus is not null && FcStatus.Trim() != "200"
            : !response.IsSuccessStatusCode;
    }

    /// <summary>Which request this answers.</summary>
    public FcCall Call { get; }

    /// <summary>The <c>x-fc-request-id</c> sent.</summary>
    public string RequestId { get; }

    /// <summary>HTTP status code of the answer.</summary>
    public int StatusCode => Response.StatusCode;

    /// <summary>The <c>x-fc-status</c> response header, or null when absent.</summary>
    public string? FcStatus { get; }

    /// <summary>True when FC would record this call as failed (see the class remarks for the rule).</summary>
    public bool IsFunctionError { get; }

    /// <summary>Response body.</summary>
    public byte[] Body => Response.Body;

    /// <summary>Response body as UTF-8.</summary>
    public string BodyText => Response.BodyText;

    /// <summary>Response headers in wire order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => Response.Headers;

    /// <summary>The full exchange (exact request and response bytes).</summary>
    public ReceivedResponse Response { get; }
}
