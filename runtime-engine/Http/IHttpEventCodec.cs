using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Runtime.Engine.Http;

/// <summary>
/// Turns a platform's HTTP-shaped event into a <see cref="FaaSRequest"/> and a <see cref="FaaSResponse"/> back
/// into the shape that platform expects. Supplied per invocation by the adapter; the engine knows no shapes.
/// </summary>
public interface IHttpEventCodec
{
    /// <summary>
    /// Reads <paramref name="payload"/> as an HTTP request. Returns false, cheaply, when the event is not
    /// HTTP-shaped; throws <see cref="Errors.FaaSRuntimeException"/> when it is HTTP-shaped but malformed.
    /// </summary>
    bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request);

    /// <summary>Writes <paramref name="response"/> in the shape <paramref name="request"/> came in; returns the content type.</summary>
    string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output);
}
