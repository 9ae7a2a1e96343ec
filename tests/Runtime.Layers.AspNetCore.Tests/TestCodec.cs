using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Runtime.Engine.Http;

namespace Runtime.Layers.AspNetCore.Tests;

/// <summary>
/// A trigger codec for one invocation: decodes to the given request (or says "not HTTP" when there is none) and, when the
/// engine encodes the response, keeps a copy of it for the test.
/// </summary>
internal sealed class TestCodec : IHttpEventCodec
{
    private readonly TestRequest? _request;

    public TestCodec(TestRequest? request) => _request = request;

    public CapturedResponse? Response { get; private set; }

    public int Encoded { get; private set; }

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        request = _request?.ToFaaSRequest();
        return request is not null;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        Encoded++;
        Response = new CapturedResponse(response);
        output.Write("encoded"u8);
        return "application/test";
    }
}
