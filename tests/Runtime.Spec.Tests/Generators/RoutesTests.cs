using Runtime.Spec.Generators;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

public sealed class RoutesTests
{
    [Theory]
    [InlineData("/*", true)]
    [InlineData("/{rest+}", true)]
    [InlineData("/items/*", false)]
    [InlineData("/items", false)]
    public void IsCatchAll_Path_TrueOnlyForEveryPath(string path, bool expected) => Assert.Equal(expected, Routes.IsCatchAll(path));

    [Theory]
    [InlineData("/*", "/{proxy+}")]
    [InlineData("/items/*", "/items/{proxy+}")]
    [InlineData("/items/{id}", "/items/{id}")]
    [InlineData("/files/{key+}", "/files/{key+}")]
    public void ApiGateway_Path_GreedyProxy(string path, string expected) => Assert.Equal(expected, Routes.ApiGateway(path));

    [Theory]
    [InlineData("/*", "{*path}")]
    [InlineData("/items/*", "items/{*path}")]
    [InlineData("/items/{id}", "items/{id}")]
    [InlineData("/files/{key+}", "files/{*key}")]
    public void Azure_Path_RouteTemplate(string path, string expected) => Assert.Equal(expected, Routes.Azure(path));

    [Theory]
    [InlineData("/*", "/")]
    [InlineData("/{rest+}", "/")]
    [InlineData("/items/*", "/items")]
    [InlineData("/items/{id}", "/items/{id}")]
    public void TencentPrefix_Path_PrefixMatch(string path, string expected) => Assert.Equal(expected, Routes.TencentPrefix(path));
}
