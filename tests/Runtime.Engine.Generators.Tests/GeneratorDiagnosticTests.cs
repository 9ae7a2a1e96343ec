using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Runtime.Engine.Generators.Tests;

/// <summary>
/// Every diagnostic: the id, the severity, and the exact source it points at. The generated code must still compile
/// (a bad function is left out, the rest are registered), so the only errors a user sees are the ones that explain.
/// </summary>
public sealed class GeneratorDiagnosticTests
{
    [Theory]
    // FAAS001 unsupported shapes
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f")] public static ValueTask Bad(FaaSContext c, int a, int b) => default; }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f")] public static ValueTask Bad(string s) => default; }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f")] public static ValueTask Bad() => default; }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f")] public static int Bad(FaaSContext c) => 1; }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f")] public static int Bad(FaaSContext c, FaaSRequest q, FaaSResponse r) => 1; }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f")] public static async void Bad(FaaSContext c) => await Task.Yield(); }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f")] public static ValueTask Bad(FaaSContext c, ref int x) => default; }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f", Json = typeof(AppJson))] public static ValueTask Bad(FaaSContext c, CancellationToken t, Order o) => default; }""")]
    [InlineData("FAAS001", "Bad", """public static class F { [FaaSFunction("f", Json = typeof(AppJson))] public static Receipt Bad(FaaSContext c, ReadOnlySpan<byte> o) => null!; }""")]
    // FAAS002 not reachable
    [InlineData("FAAS002", "Hidden", """public static class F { [FaaSFunction("f")] private static ValueTask Hidden(FaaSContext c) => default; }""")]
    [InlineData("FAAS002", "Inner", """public static class F { private static class N { [FaaSFunction("f")] public static ValueTask Inner(FaaSContext c) => default; } }""")]
    [InlineData("FAAS002", "Local", """public static class F { public static void M() { [FaaSFunction("f")] static ValueTask Local(FaaSContext c) => default; _ = Local(null!); } }""")]
    // FAAS003 duplicate name (reported on the later one)
    [InlineData("FAAS003", "\"same\"", """public static class F { [FaaSFunction("same")] public static ValueTask A(FaaSContext c) => default; [FaaSFunction("same")] public static ValueTask B(FaaSContext c) => default; }""")]
    // FAAS004 empty name
    [InlineData("FAAS004", "\"\"", """public static class F { [FaaSFunction("")] public static ValueTask A(FaaSContext c) => default; }""")]
    [InlineData("FAAS004", "\" \"", """public static class F { [FaaSFunction(" ")] public static ValueTask A(FaaSContext c) => default; }""")]
    // FAAS005 typed event without a JSON context
    [InlineData("FAAS005", "FaaSFunction(\"f\")", """public static class F { [FaaSFunction("f")] public static ValueTask A(FaaSContext c, Order o) => default; }""")]
    // FAAS006 not a usable JSON context
    [InlineData("FAAS006", "Json = typeof(string)", """public static class F { [FaaSFunction("f", Json = typeof(string))] public static ValueTask A(FaaSContext c, Order o) => default; }""")]
    // FAAS007 no JsonTypeInfo for the event or the result
    [InlineData("FAAS007", "Json = typeof(AppJson)", """public sealed record Other(int X); public static class F { [FaaSFunction("f", Json = typeof(AppJson))] public static ValueTask A(FaaSContext c, Other o) => default; }""")]
    [InlineData("FAAS007", "Json = typeof(AppJson)", """public sealed record Other(int X); public static class F { [FaaSFunction("f", Json = typeof(AppJson))] public static Other A(FaaSContext c, Order o) => new(1); }""")]
    // FAAS008 class cannot be constructed
    [InlineData("FAAS008", "M", """public abstract class F { [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    [InlineData("FAAS008", "M", """public struct F { [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    // FAAS009 no single constructor to inject
    [InlineData("FAAS009", "M", """public sealed class F { public F() { } public F(int x) { } [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    [InlineData("FAAS009", "M", """public sealed class F { private F() { } [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    [InlineData("FAAS009", "M", """public sealed class F { public F(ref int x) { } [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    [InlineData("FAAS009", "M", """public sealed class F { public F(FaaSContext context) { } [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    [InlineData("FAAS009", "M", """public sealed class F { public F(CancellationToken token) { } [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    [InlineData("FAAS009", "S", """[FaaSService] public sealed class S { public S(FaaSRequest request) { } }""")]
    // FAAS010 generic
    [InlineData("FAAS010", "M", """public static class F { [FaaSFunction("f")] public static ValueTask M<T>(FaaSContext c) => default; }""")]
    [InlineData("FAAS010", "M", """public sealed class F<T> { [FaaSFunction("f")] public ValueTask M(FaaSContext c) => default; }""")]
    // FAAS011 lifetime on a static function
    [InlineData("FAAS011", "Lifetime = FunctionLifetime.PerInvocation", """public static class F { [FaaSFunction("f", Lifetime = FunctionLifetime.PerInvocation)] public static ValueTask M(FaaSContext c) => default; }""")]
    // FAAS012 unsupported initialiser
    [InlineData("FAAS012", "Init", """public sealed class F { [FaaSFunction("f")] public static ValueTask M(FaaSContext c) => default; [FaaSInitializer("f")] public void Init() { } }""")]
    [InlineData("FAAS012", "Init", """public static class F { [FaaSFunction("f")] public static ValueTask M(FaaSContext c) => default; [FaaSInitializer("f")] public static int Init() => 1; }""")]
    [InlineData("FAAS012", "Init", """public static class F { [FaaSFunction("f")] public static ValueTask M(FaaSContext c) => default; [FaaSInitializer("f")] public static void Init(FaaSContext c) { } }""")]
    [InlineData("FAAS012", "Init", """public static class F { [FaaSFunction("f")] public static ValueTask M(FaaSContext c) => default; [FaaSInitializer("f")] public static void Init(FaaSResponse r) { } }""")]
    // FAAS013 initialiser for an unknown function
    [InlineData("FAAS013", "\"nobody\"", """public static class F { [FaaSFunction("f")] public static ValueTask M(FaaSContext c) => default; [FaaSInitializer("nobody")] public static void Init() { } }""")]
    // FAAS014 two initialisers for one function (reported on the later one)
    [InlineData("FAAS014", "\"f\"", """public static class F { [FaaSFunction("f")] public static ValueTask M(FaaSContext c) => default; [FaaSInitializer("f")] public static void A() { } [FaaSInitializer("f")] public static void B() { } }""")]
    // FAAS015 service type not implemented
    [InlineData("FAAS015", "typeof(IDisposable)", """[FaaSService(typeof(IDisposable))] public sealed class S { }""")]
    // FAAS016 JSON context on a function that reads no typed event (a warning: the function is still registered)
    [InlineData("FAAS016", "Json = typeof(AppJson)", """public static class F { [FaaSFunction("f", Json = typeof(AppJson))] public static ValueTask M(FaaSContext c, FaaSRequest q, FaaSResponse r) => default; }""")]
    public void Generate_BadDeclaration_ReportsDiagnosticThere(string id, string at, string declaration)
    {
        string source = Sources.Usings + "namespace App;\n" + declaration + "\n";

        GeneratorRun run = GeneratorHarness.Run(Sources.JsonContext, source);

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(at, run.TextAt(diagnostic));
        Assert.Equal(id == "FAAS016" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(run.CompilationProblems.Count == 0, run.Problems);
    }

    [Fact]
    public void Generate_OneBadFunction_RegistersTheOthers()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace App;
            public static class F
            {
                [FaaSFunction("good")] public static ValueTask Good(FaaSContext c) => default;
                [FaaSFunction("bad")] public static ValueTask Bad(FaaSContext c, int x, int y) => default;
                [FaaSInitializer("bad")] public static void InitBad() { }
            }
            """);

        Assert.Equal("FAAS001", Assert.Single(run.Diagnostics).Id);
        Assert.Contains("AddRaw(\"good\"", run.Generated);
        Assert.DoesNotContain("\"bad\"", run.Generated);
        Assert.True(run.CompilationProblems.Count == 0, run.Problems);
    }

    [Fact]
    public void Generate_DuplicateName_MessageNamesTheFirst()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace App;
            public static class F
            {
                [FaaSFunction("same")] public static ValueTask A(FaaSContext c) => default;
                [FaaSFunction("same")] public static ValueTask B(FaaSContext c) => default;
            }
            """);

        Diagnostic duplicate = Assert.Single(run.Diagnostics);
        Assert.Equal("Function name 'same' is already used by 'App.F.A'. Each function in an assembly needs its own name.",
            duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("App.F.A(", run.Generated);
        Assert.DoesNotContain("App.F.B(", run.Generated);
    }

    [Fact]
    public void Descriptors_EveryOne_IsInAnalyzerReleases()
    {
        string releases = File.ReadAllText(Path.Combine(RepoDirectory(), "runtime-engine", "Generators", "AnalyzerReleases.Unshipped.md"));
        List<DiagnosticDescriptor> descriptors = typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToList();

        Assert.Equal(16, descriptors.Count);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            string row = descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " | " + descriptor.Title;
            Assert.Contains(row, releases);
        }
    }

    private static string RepoDirectory([CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", ".."));
}
