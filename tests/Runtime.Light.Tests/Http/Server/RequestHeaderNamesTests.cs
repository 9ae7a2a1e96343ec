using System.Text;
using Runtime.Light.Http.Server;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

public sealed class RequestHeaderNamesTests
{
    [Theory]
    [InlineData("Host")]
    [InlineData("content-length")]
    [InlineData("x-fc-request-id")]
    [InlineData("x-fc-instance-lifecycle-pre-freeze-handler")]
    [InlineData("X-CFF-Timeout")]
    [InlineData("ce-specversion")]
    public void Get_AKnownNameAsSent_IsTheSharedString(string name)
    {
        string first = RequestHeaderNames.Get(Encoding.ASCII.GetBytes(name));
        string second = RequestHeaderNames.Get(Encoding.ASCII.GetBytes(name));

        Assert.Equal(name, first);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("X-FC-REQUEST-ID")]
    [InlineData("x-custom")]
    [InlineData("")]
    [InlineData("a-header-name-longer-than-any-known-name-of-the-table")]
    public void Get_AnyOtherName_IsANewStringAsSent(string name)
    {
        string first = RequestHeaderNames.Get(Encoding.ASCII.GetBytes(name));
        string second = RequestHeaderNames.Get(Encoding.ASCII.GetBytes(name));

        Assert.Equal(name, first);
        if (name.Length > 0)
        {
            Assert.NotSame(first, second);
        }
    }
}
