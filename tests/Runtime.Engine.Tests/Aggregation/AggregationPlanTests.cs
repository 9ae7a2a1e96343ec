using System;
using Runtime.Engine.Functions;
using Runtime.Engine.Functions.Aggregation;
using Xunit;
using static Runtime.Engine.Tests.Aggregation.Routes;

namespace Runtime.Engine.Tests.Aggregation;

public sealed class AggregationPlanTests
{
    private static string Error(AggregationManifest manifest, FunctionRegistry? registry = null) =>
        Assert.Throws<AggregationException>(() => AggregationPlan.Build(manifest, registry ?? Registry(manifest))).Message;

    private static AggregationManifest WithSource(AggregationManifest manifest, int version = 1) =>
        new(version, manifest.Service, manifest.Group, manifest.Prefix, manifest.Functions, "/var/task/faas-manifest.json");

    [Fact]
    public void Build_FunctionNotRegistered_NamesItAndTheRegisteredOnes()
    {
        AggregationManifest manifest = WithSource(Manifest(null, Of("hello", "/hello"), Of("orders", "/orders")));
        var registry = new FunctionRegistry().AddRaw("hello", _ => default).AddRaw("bye", _ => default);

        Assert.Equal("Aggregation manifest /var/task/faas-manifest.json lists function 'orders', which this binary does not register. Registered: 'hello', 'bye'.",
            Error(manifest, registry));
    }

    [Fact]
    public void Build_UnknownVersion_Fails()
    {
        Assert.Equal("Aggregation manifest /var/task/faas-manifest.json has version 3; this runtime reads version 1.",
            Error(WithSource(Manifest(null, Of("a", "/a")), version: 3)));
    }

    [Fact]
    public void Build_NoFunctions_Fails()
    {
        Assert.Equal("The aggregation manifest lists no functions.",
            Error(new AggregationManifest(1, null, null, null, Array.Empty<AggregatedFunction>())));
    }

    [Fact]
    public void Build_FunctionListedTwice_Fails()
    {
        var manifest = new AggregationManifest(1, null, null, null, new[]
        {
            new AggregatedFunction("a", Array.Empty<HttpRouteSpec>(), Array.Empty<string>()),
            new AggregatedFunction("a", Array.Empty<HttpRouteSpec>(), Array.Empty<string>()),
        });

        Assert.Equal("The aggregation manifest lists function 'a' twice.", Error(manifest));
    }

    [Theory]
    [InlineData("hello", "it must start with '/'")]
    [InlineData("/a//b", "it has an empty segment ('//')")]
    [InlineData("/a/{id}x", "segment '{id}x' is not a whole-segment parameter like '{id}'")]
    [InlineData("/a/{rest+}/b", "'{rest+}' is allowed only as the last segment")]
    [InlineData("/a/*/b", "'*' is allowed only as the last segment")]
    [InlineData("/a/{id}/{id}", "parameter 'id' appears twice")]
    [InlineData("/a?b", "it contains '?'")]
    [InlineData("/caf%C3%A9", "write it decoded, without '%' escapes")]
    public void Build_BadTemplate_SaysWhy(string path, string reason)
    {
        Assert.Equal($"The aggregation manifest: function 'f' has route '{path}', which is not a route template: {reason}.",
            Error(Manifest(null, Of("f", path))));
    }

    [Fact]
    public void Build_BadPrefix_SaysWhy()
    {
        Assert.Equal("The aggregation manifest: prefix '/api/{v}' is not a path prefix: segment '{v}' is not literal (a prefix takes no parameters or wildcards).",
            Error(Manifest("/api/{v}", Of("f", "/a"))));
    }

    [Fact]
    public void Build_BadMethod_Fails()
    {
        Assert.Equal("The aggregation manifest: function 'f' route '/a' has method 'GE T', which is not an HTTP method.",
            Error(Manifest(null, Of("f", "/a", "GE T"))));
    }

    [Fact]
    public void Build_SameRouteTwice_NamesBoth()
    {
        Assert.Equal("The aggregation manifest: route 'GET /users/{user}' of function 'b' matches the same requests as route 'GET,POST /users/{id}' of function 'a'.",
            Error(Manifest(null, Of("a", "/users/{id}", "GET", "POST"), Of("b", "/users/{user}", "get"))));
    }

    [Fact]
    public void Build_SamePathOtherMethods_IsFine()
    {
        RouteTable table = Table(null, Of("a", "/users/{id}", "GET"), Of("b", "/users/{user}", "DELETE"));

        Assert.Equal(2, table.Entries.Count);
    }

    [Fact]
    public void Build_TriggerOfTwoFunctions_Fails()
    {
        AggregationManifest manifest = Manifest(null, Array.Empty<(string, string, string[])>(), new[] { ("a", "nightly"), ("b", "nightly") });

        Assert.Equal("The aggregation manifest: trigger 'nightly' is listed for both 'a' and 'b'.", Error(manifest));
    }

    [Fact]
    public void Build_Valid_MapsTriggersToFunctionIndexes()
    {
        AggregationManifest manifest = Manifest("/api", new[] { Of("web", "/x") }, new[] { ("jobs", "jobs-timer-0"), ("web", "web-timer-0") });

        AggregationPlan plan = AggregationPlan.Build(manifest, Registry(manifest));

        Assert.Equal(new[] { "web", "jobs" }, Array.ConvertAll(plan.Functions, f => f.Name));
        Assert.Equal(1, plan.Triggers["jobs-timer-0"]);
        Assert.Equal(0, plan.Triggers["web-timer-0"]);
        Assert.Equal("/api", plan.Routes.Prefix);
    }
}
