using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Runtime.Engine.Http;

namespace Runtime.Bench.WebAdapter;

/// <summary>
/// Hands the engine an already decoded request and writes the response as status + body bytes: the trigger's JSON
/// is the platform codec's cost, the same with or without the layer, so it is left out of what the layer adds.
/// </summary>
internal sealed class BenchCodec : IHttpEventCodec
{
    private readonly FaaSRequest _request;

    public BenchCodec(FaaSRequest request) => _request = request;

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        request = _request;
        return true;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        Span<byte> status = output.GetSpan(4);
        BitConverter.TryWriteBytes(status, response.StatusCode);
        output.Advance(4);
        output.Write(response.Body.Span);
        return "application/octet-stream";
    }
}
