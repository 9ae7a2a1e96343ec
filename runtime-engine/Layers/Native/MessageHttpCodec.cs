using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Runtime.Engine.Http;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// Inside a native layer library: the HTTP request the bootstrap sent across the ABI, and the capture of the
/// function's HTTP response, which goes back across the ABI for the bootstrap to encode in the trigger's shape.
/// </summary>
internal sealed class MessageHttpCodec : IHttpEventCodec
{
    private readonly FaaSRequest _request;

    public MessageHttpCodec(FaaSRequest request) => _request = request;

    public FaaSResponse? Response { get; private set; }

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        request = _request;
        return true;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        Response = response;
        output.Write(response.Body.Span);
        return response.ContentType ?? "application/octet-stream";
    }
}
