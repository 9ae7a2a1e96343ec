using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Runtime.Engine.Generators.Tests;

/// <summary>
/// The pipeline's models compare by value, so an edit that does not change what is registered leaves every step
/// cached and writes nothing again; an edit that does is seen.
/// </summary>
public sealed class GeneratorCachingTests
{
    private const string Functions = Sources.Usings + """
        namespace App;

        public interface IStore { }

        [FaaSService(typeof(IStore))]
        internal sealed class Store : IStore { }

        public sealed class Orders
        {
            public Orders(IStore store) { }

            [FaaSFunction("orders", Json = typeof(AppJson))]
            public ValueTask<Receipt> PlaceAsync(FaaSContext context, Order order) => new(new Receipt(order.Id, 1));

            [FaaSInitializer("orders")]
            public static void Ready(IStore store) { }
        }
        """;

    [Fact]
    public void Rerun_UnrelatedFileAdded_EveryStepCached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Sources.JsonContext, Functions);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace App; public static class Unrelated { public static int One => 1; }",
                (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Unrelated.cs"));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results[0];

        AssertUnchanged(result, TrackingNames.Functions);
        AssertUnchanged(result, TrackingNames.Initializers);
        AssertUnchanged(result, TrackingNames.Services);
        AssertUnchanged(result, TrackingNames.Plan);
    }

    [Fact]
    public void Rerun_MethodBodyEdited_PlanCached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Sources.JsonContext, Functions);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.ElementAt(1);
        SyntaxTree changed = tree.WithChangedText(tree.GetText().Replace(
            tree.ToString().IndexOf("new Receipt(order.Id, 1)", System.StringComparison.Ordinal), "new Receipt(order.Id, 1)".Length,
            "new Receipt(order.Id, 2)"));
        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, changed)).GetRunResult().Results[0];

        // The function's file changed, so its attribute is read again, but into an equal model: nothing downstream reruns.
        Assert.All(result.TrackedSteps[TrackingNames.Functions].SelectMany(step => step.Outputs),
            output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached }));
        AssertUnchanged(result, TrackingNames.Plan);
    }

    [Fact]
    public void Rerun_FunctionRenamed_PlanModified()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Sources.JsonContext, Functions);
        GeneratorDriver driver = GeneratorHarness.TrackingDriver().RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.ElementAt(1);
        SyntaxTree changed = CSharpSyntaxTree.ParseText(Functions.Replace("\"orders\"", "\"purchases\""), (CSharpParseOptions)tree.Options, tree.FilePath);
        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, changed)).GetRunResult().Results[0];

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(result.TrackedSteps[TrackingNames.Plan].SelectMany(step => step.Outputs)).Reason);
        Assert.Contains("\"purchases\"", result.GeneratedSources[0].SourceText.ToString());
    }

    private static void AssertUnchanged(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.ContainsKey(step), "no step " + step);
        Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs),
            output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }
}
