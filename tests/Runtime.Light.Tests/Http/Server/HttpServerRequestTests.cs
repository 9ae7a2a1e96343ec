using System.Net;
using Runtime.Engine.Http;
using Runtime.Light.Http.Server;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

public sealed class HttpServerRequestTests
{
    [Fact]
    public void Constructor_ByHand_SplitsTheTargetAsTheServerDoes()
    {
        var headers = new MultiMap(ignoreCase: true) { { "Host", "a" } };

        var request = new HttpServerRequest("GET", "/a%20b/c?x=1&x=2", headers, "hi"u8.ToArray(), HttpVersion.Version10,
            new IPEndPoint(IPAddress.Loopback, 1234), 7);

        Assert.Equal("/a b/c", request.Path);
        Assert.Equal("/a%20b/c", request.RawPath);
        Assert.Equal("x=1&x=2", request.QueryString);
        Assert.Equal("/a%20b/c?x=1&x=2", request.RawTarget);
        Assert.Same(headers, request.Headers);
        Assert.Equal(2, request.Body.Length);
        Assert.Equal(HttpVersion.Version10, request.Version);
        Assert.Equal(7, request.ConnectionId);
    }
}
