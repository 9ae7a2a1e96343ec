using System.Collections.Generic;
using System.Linq;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests;

public sealed class DeploymentPlannerTests
{
    private static IReadOnlyList<Deployment> Plan(string yaml) => DeploymentPlanner.Plan(Some.Read(yaml).Spec);

    private static IReadOnlyList<Deployment> PlanFull() => DeploymentPlanner.Plan(Some.Read(Some.FullYaml, "REGION=eu").Spec);

    [Fact]
    public void Plan_FullFile_OneDeploymentPerGroupAndLoneFunction_InFileOrder()
    {
        IReadOnlyList<Deployment> plan = PlanFull();

        Assert.Equal(["api", "uploads", "nightly"], plan.Select(d => d.Name));
        Assert.Equal(["hello", "users"], plan[0].Members.Select(m => m.Name));
        Assert.Equal("api", plan[0].Group?.Name);
        Assert.Null(plan[0].Handler);
        Assert.Null(plan[1].Group);
        Assert.Equal("uploads", plan[1].Handler);
    }

    [Fact]
    public void Plan_Group_SettingsAreTheLargestOfItsMembers()
    {
        Deployment api = PlanFull()[0];

        // hello sets 512 MB and inherits a 10 s timeout; users inherits 256 MB and sets 20 s.
        Assert.Equal((512, 20, 30, 1), (api.MemorySize, api.Timeout, api.InitTimeout, api.Concurrency));
    }

    [Fact]
    public void Plan_LoneFunction_InheritsTheProvider()
    {
        Deployment uploads = PlanFull()[1];

        Assert.Equal((256, 10, 30, 1), (uploads.MemorySize, uploads.Timeout, uploads.InitTimeout, uploads.Concurrency));
        Assert.Equal(["LOG_LEVEL", "REGION_NAME"], uploads.Environment.Keys.Order());
        Assert.Empty(uploads.Layers);
    }

    [Fact]
    public void Plan_Group_MergesEnvironmentAndLayers()
    {
        Deployment api = PlanFull()[0];

        Assert.Equal(
            [new("LOG_LEVEL", "info"), new("REGION_NAME", "eu"), new KeyValuePair<string, string>("TABLE", "users")],
            api.Environment.OrderBy(p => p.Key));
        Assert.Equal(["metrics"], api.Layers.Select(l => l.Name));
    }

    [Fact]
    public void Plan_Group_PrefixesHttpPathsOnly()
    {
        Deployment api = PlanFull()[0];

        Assert.Equal(
            [("hello", "http", "/api/hello/{name}"), ("hello", "timer", null), ("users", "apigw", "/api/users/{id}"), ("users", "mq", null)],
            api.Events.Select(e => (e.Function.Name, e.Event.Kind, e.DeployedPath)));
    }

    [Fact]
    public void Plan_GroupSettings_OverrideTheMembers()
    {
        IReadOnlyList<Deployment> plan = Plan("""
            service: shop
            provider: {name: aws, memorySize: 128, concurrency: 50}
            functions:
              fa: {memorySize: 256, concurrency: 10}
              fb: {concurrency: 20}
            aggregation:
              both:
                functions: [fa, fb]
                memorySize: 2048
                timeout: 60
            """);

        Deployment both = Assert.Single(plan);
        Assert.Equal((2048, 60, null, 10), (both.MemorySize, both.Timeout, both.InitTimeout, both.Concurrency));
    }

    [Fact]
    public void Plan_NothingSetAnywhere_LeavesTheCloudDefault()
    {
        Deployment hello = Assert.Single(Plan("service: shop\nprovider: {name: aws}\nfunctions:\n  hello:\n"));

        Assert.Equal((null, null, null, null), (hello.MemorySize, hello.Timeout, hello.InitTimeout, hello.Concurrency));
    }

    [Fact]
    public void Plan_GlobPatterns_MembersInFileOrderNotPatternOrder()
    {
        IReadOnlyList<Deployment> plan = Plan("""
            service: shop
            provider: {name: aws}
            functions:
              user-get:
              order-get:
              user-put:
              health:
              order-put:
            aggregation:
              api:
                functions: ["order-*", "user-?et", user-put]
            """);

        Assert.Equal(["api", "health"], plan.Select(d => d.Name));
        Assert.Equal(["user-get", "order-get", "user-put", "order-put"], plan[0].Members.Select(m => m.Name));
    }

    [Fact]
    public void Plan_RootPathUnderPrefix_IsThePrefix()
    {
        Deployment api = Assert.Single(Plan("""
            service: shop
            provider: {name: aws}
            functions:
              home:
                events: [{http: {path: /}}]
            aggregation:
              api: {functions: [home], prefix: /v1/api}
            """));

        Assert.Equal("/v1/api", api.Events[0].DeployedPath);
    }

    [Fact]
    public void Plan_LayerStacks_MergedKeepingEachMembersOrder()
    {
        Deployment api = Assert.Single(Plan("""
            service: shop
            provider: {name: aws}
            layers:
              auth: {path: ./auth}
              trace: {path: ./trace}
              metrics: {path: ./metrics}
            functions:
              fa: {layers: [auth, metrics]}
              fb: {layers: [trace, metrics]}
            aggregation:
              api: {functions: [fa, fb]}
            """));

        Assert.Equal(["auth", "trace", "metrics"], api.Layers.Select(l => l.Name));
    }

    private static readonly string Grouped = """
        service: shop
        provider: {name: aws}
        functions:
          users:
            events: [{http: {path: /users}}]
          orders:
            events: [{http: {path: /orders}}]
          reports:
            events: [{timer: {rate: 1d}}]
        aggregation:
          api:
            functions:
              - users
              - orders
              - reports
        """.ReplaceLineEndings("\n");

    [Fact]
    public void Plan_DeleteOneLine_MovesTheFunctionOutOfItsGroup()
    {
        string edited = Grouped.Replace("\n      - reports", "");
        Assert.Equal(1, Grouped.Split('\n').Length - edited.Split('\n').Length);

        IReadOnlyList<Deployment> before = Plan(Grouped), after = Plan(edited);

        Assert.Equal(["api"], before.Select(d => d.Name));
        Assert.Equal(["api", "reports"], after.Select(d => d.Name));
        Assert.Equal(["users", "orders"], after[0].Members.Select(m => m.Name));
        Assert.Equal("reports", after[1].Handler);
    }

    [Fact]
    public void Plan_AddOneExclusionLine_MovesAGlobMatchedFunctionOut()
    {
        string globbed = Grouped.Replace("      - users\n      - orders\n      - reports", "      - \"*\"");
        string edited = globbed + "\n      - \"!orders\"";
        Assert.Equal(1, edited.Split('\n').Length - globbed.Split('\n').Length);

        Assert.Equal(["api"], Plan(globbed).Select(d => d.Name));
        IReadOnlyList<Deployment> after = Plan(edited);
        Assert.Equal(["api", "orders"], after.Select(d => d.Name));
        Assert.Equal(["users", "reports"], after[0].Members.Select(m => m.Name));
        Assert.Equal("/orders", after[1].Events[0].DeployedPath);
    }
}
