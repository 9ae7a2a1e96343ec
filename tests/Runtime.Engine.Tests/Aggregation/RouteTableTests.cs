using System.Collections.Generic;
using Runtime.Engine.Functions.Aggregation;
using Xunit;
using static Runtime.Engine.Tests.Aggregation.Routes;

namespace Runtime.Engine.Tests.Aggregation;

public sealed class RouteTableTests
{
    private static (RouteOutcome Outcome, string? Function, Dictionary<string, string> Parameters) Match(RouteTable table, string method, string path)
    {
        RouteOutcome outcome = table.Match(method, path, out RouteEntry? entry);
        var parameters = new Dictionary<string, string>();
        if (outcome == RouteOutcome.Matched)
        {
            table.Fill(entry!, path, parameters);
        }
        return (outcome, outcome == RouteOutcome.Matched ? entry!.FunctionName : null, parameters);
    }

    [Fact]
    public void Match_ExactDeclaredAfterParameter_ExactWins()
    {
        RouteTable table = Table(null, Of("byId", "/users/{id}"), Of("me", "/users/me"));

        Assert.Equal("me", Match(table, "GET", "/users/me").Function);
        Assert.Equal("byId", Match(table, "GET", "/users/42").Function);
    }

    [Fact]
    public void Match_WildcardDeclaredFirst_ParameterisedWins()
    {
        RouteTable table = Table(null, Of("tail", "/files/{path+}"), Of("one", "/files/{name}"));

        Assert.Equal("one", Match(table, "GET", "/files/a.txt").Function);
        Assert.Equal("tail", Match(table, "GET", "/files/a/b.txt").Function);
    }

    [Fact]
    public void Match_SameClass_MoreLiteralSegmentsFirst()
    {
        RouteTable table = Table(null, Of("any", "/{version}/{item}"), Of("v1", "/v1/{item}"), Of("static", "/static/*"), Of("img", "/static/img/*"));

        Assert.Equal("v1", Match(table, "GET", "/v1/x").Function);
        Assert.Equal("any", Match(table, "GET", "/v2/x").Function);
        Assert.Equal("img", Match(table, "GET", "/static/img/logo.png").Function);
        Assert.Equal("static", Match(table, "GET", "/static/css/site.css").Function);
    }

    [Fact]
    public void Match_SameClassAndLiterals_DeclarationOrder()
    {
        RouteTable table = Table(null, Of("first", "/{a}/x"), Of("second", "/x/{b}"));

        Assert.Equal("first", Match(table, "GET", "/x/x").Function);
    }

    [Fact]
    public void Entries_AreInPrecedenceOrder()
    {
        RouteTable table = Table(null, Of("f", "/a/*"), Of("f", "/a/{x}"), Of("f", "/a/b"), Of("f", "/{x}/{y}"), Of("f", "/a/{x+}/"));

        Assert.Equal(new[] { "/a/b", "/a/{x}", "/{x}/{y}", "/a/*", "/a/{x+}" }, EntryTexts(table));
    }

    [Fact]
    public void Fill_Parameters_AreTheSegments()
    {
        RouteTable table = Table(null, Of("hello", "/hello/{name}/{greeting}"));

        var (outcome, function, parameters) = Match(table, "GET", "/hello/bob/hi");

        Assert.Equal(RouteOutcome.Matched, outcome);
        Assert.Equal("hello", function);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "bob", ["greeting"] = "hi" }, parameters);
    }

    [Fact]
    public void Fill_GreedyParameter_TakesTheRestWithoutTheLeadingSlash()
    {
        RouteTable table = Table(null, Of("files", "/files/{path+}"));

        Assert.Equal("a/b/c.txt", Match(table, "GET", "/files/a/b/c.txt").Parameters["path"]);
        Assert.Equal("a", Match(table, "GET", "/files/a/").Parameters["path"]);
    }

    [Fact]
    public void Match_GreedyParameter_NeedsAtLeastOneSegment()
    {
        RouteTable table = Table(null, Of("files", "/files/{path+}"));

        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", "/files").Outcome);
        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", "/files/").Outcome);
    }

    [Fact]
    public void Match_Star_TakesZeroOrMoreSegmentsAndCapturesNothing()
    {
        RouteTable table = Table(null, Of("static", "/static/*"));

        Assert.Equal("static", Match(table, "GET", "/static").Function);
        Assert.Equal("static", Match(table, "GET", "/static/a/b").Function);
        Assert.Empty(Match(table, "GET", "/static/a/b").Parameters);
        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", "/statics").Outcome);
    }

    [Fact]
    public void Match_RootAndTrailingSlash()
    {
        RouteTable table = Table(null, Of("root", "/"), Of("hello", "/hello/"));

        Assert.Equal("root", Match(table, "GET", "/").Function);
        Assert.Equal("hello", Match(table, "GET", "/hello").Function);
        Assert.Equal("hello", Match(table, "GET", "/hello/").Function);
    }

    [Fact]
    public void Match_IsCaseSensitive()
    {
        RouteTable table = Table(null, Of("hello", "/hello"));

        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", "/Hello").Outcome);
    }

    [Fact]
    public void Match_EmptySegmentInRequest_IsNoParameter()
    {
        RouteTable table = Table(null, Of("hello", "/hello/{name}/x"));

        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", "/hello//x").Outcome);
    }

    [Fact]
    public void Match_UnknownPath_IsNotFound()
    {
        RouteTable table = Table(null, Of("hello", "/hello/{name}"));

        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", "/bye/bob").Outcome);
        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", "/hello/bob/more").Outcome);
    }

    [Fact]
    public void Match_MethodNotTaken_IsMethodNotAllowedWithAllow()
    {
        RouteTable table = Table(null, Of("read", "/items/{id}", "GET", "HEAD"), Of("write", "/items/{id}", "put", "DELETE"), Of("create", "/items", "POST"));

        Assert.Equal(RouteOutcome.MethodNotAllowed, Match(table, "PATCH", "/items/7").Outcome);
        Assert.Equal("GET, HEAD, PUT, DELETE", table.AllowedMethods("/items/7"));
        Assert.Equal("write", Match(table, "PUT", "/items/7").Function);
    }

    [Fact]
    public void Match_MethodNotTakenByFirstPathMatch_FallsThroughToALaterRoute()
    {
        RouteTable table = Table(null, Of("read", "/items/{id}", "GET"), Of("fallback", "/items/*"));

        Assert.Equal("fallback", Match(table, "POST", "/items/7").Function);
        Assert.Equal("read", Match(table, "GET", "/items/7").Function);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    [InlineData("PROPFIND")]
    public void Match_NoMethodsOrAny_TakesEveryMethod(string method)
    {
        RouteTable table = Table(null, Of("none", "/none"), Of("any", "/any", "ANY"));

        Assert.Equal("none", Match(table, method, "/none").Function);
        Assert.Equal("any", Match(table, method, "/any").Function);
    }

    [Theory]
    [InlineData("/api/hello/bob", "hello")]
    [InlineData("/api/hello/bob/", "hello")]
    [InlineData("/api", "root")]
    [InlineData("/api/", "root")]
    public void Match_UnderThePrefix_StripsIt(string path, string function)
    {
        RouteTable table = Table("/api/", Of("hello", "/hello/{name}"), Of("root", "/"));

        Assert.Equal(function, Match(table, "GET", path).Function);
    }

    [Theory]
    [InlineData("/hello/bob")]
    [InlineData("/apix/hello/bob")]
    [InlineData("/ap")]
    [InlineData("/API/hello/bob")]
    public void Match_OutsideThePrefix_IsNotFound(string path)
    {
        RouteTable table = Table("/api", Of("hello", "/hello/{name}"), Of("all", "/*"));

        Assert.Equal(RouteOutcome.NotFound, Match(table, "GET", path).Outcome);
    }

    [Fact]
    public void Match_ManySegments_StillMatchesAWildcard()
    {
        RouteTable table = Table(null, Of("deep", "/d/{rest+}"));
        string path = "/d" + string.Concat(System.Linq.Enumerable.Repeat("/s", 100));

        var (outcome, _, parameters) = Match(table, "GET", path);

        Assert.Equal(RouteOutcome.Matched, outcome);
        Assert.Equal(199, parameters["rest"].Length);
    }

    private static string[] EntryTexts(RouteTable table)
    {
        var texts = new string[table.Entries.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = table.Entries[i].Template.Text;
        }
        return texts;
    }
}
