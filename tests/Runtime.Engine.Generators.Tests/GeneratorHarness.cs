using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Runtime.Engine.Generators.Tests;

/// <summary>
/// Compiles test sources against this test's own references (so Runtime.Engine, System.Text.Json and
/// Microsoft.Extensions.DependencyInjection are the real ones) and runs the generator over them, together with the
/// SDK's System.Text.Json source generator, so generated code that names a context's JsonTypeInfo property is checked
/// against the property that generator really writes.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly Lazy<IIncrementalGenerator> s_jsonGenerator = new(LoadJsonGenerator);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "TestFunctions",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, s_parseOptions, path: "Source" + i + ".cs")),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs both generators once; the result has what ours wrote and said, and the compiled output's diagnostics.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        CSharpCompilation compilation = Compile(sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new FunctionsGenerator().AsSourceGenerator(), s_jsonGenerator.Value.AsSourceGenerator() },
            parseOptions: s_parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorRunResult ours = driver.GetRunResult().Results[0];
        if (ours.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", ours.Exception);
        }
        string? generated = ours.GeneratedSources.Length == 0 ? null : ours.GeneratedSources[0].SourceText.ToString();
        return new GeneratorRun(generated, ours.Diagnostics, output.GetDiagnostics(), sources);
    }

    /// <summary>A driver for our generator alone, tracking its steps (for the caching tests).</summary>
    public static GeneratorDriver TrackingDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new FunctionsGenerator().AsSourceGenerator() },
            parseOptions: s_parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static IIncrementalGenerator LoadJsonGenerator()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/analyzers
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string version = Path.GetFileName(runtimeDirectory);
        string? directory = Directory.Exists(Path.Combine(packs, version))
            ? Path.Combine(packs, version)
            : Directory.GetDirectories(packs).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault();
        string path = Path.Combine(directory ?? packs, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        Assembly assembly = Assembly.LoadFrom(path);
        Type type = assembly.GetTypes().Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }
}

/// <summary>One generator run: the generated file (null when none), the generator's diagnostics, the compiled output's diagnostics.</summary>
internal sealed record GeneratorRun(string? Generated, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilationDiagnostics,
    string[] Sources)
{
    /// <summary>
    /// The source text a diagnostic points at. The generator keeps locations as plain values (file, span), which come
    /// back as external-file locations without a syntax tree, so the text is found from the file name.
    /// </summary>
    public string TextAt(Diagnostic diagnostic)
    {
        string file = diagnostic.Location.GetLineSpan().Path;
        string source = Sources[int.Parse(file.Substring("Source".Length, file.Length - "Source.cs".Length), System.Globalization.CultureInfo.InvariantCulture)];
        return source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
    }

    /// <summary>Errors and warnings of the compiled output (the sources plus everything generated).</summary>
    public IReadOnlyList<string> CompilationProblems =>
        CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();

    /// <summary>The problems, one a line (for assertion messages).</summary>
    public string Problems => string.Join("\n", CompilationProblems);
}
