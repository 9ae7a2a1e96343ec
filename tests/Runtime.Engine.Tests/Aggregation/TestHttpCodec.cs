using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Runtime.Engine.Http;

namespace Runtime.Engine.Tests.Aggregation;

/// <summary>An HTTP codec for engine tests: an event <c>HTTP GET /path</c> is a request; anything else is not.</summary>
internal sealed class TestHttpCodec : IHttpEventCodec
{
    public int Status { get; private set; }

    public string? Allow { get; private set; }

    public string? ContentType { get; private set; }

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        string text = Encoding.UTF8.GetString(payload.Span);
        request = null;
        if (!text.StartsWith("HTTP ", StringComparison.Ordinal))
        {
            return false;
        }
        string[] parts = text.Split(' ');
        request = new FaaSRequest("test", parts[1], parts[2]);
        request.PathParameters["gateway"] = "from the gateway's own route";
        return true;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        Status = response.StatusCode;
        Allow = response.Headers.Get("Allow");
        ContentType = response.ContentType;
        output.Write(response.Body.Span);
        return "text/plain";
    }
}
