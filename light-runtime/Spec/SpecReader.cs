using System;
using System.IO;
using Runtime.Spec.Model;
using Runtime.Spec.Reading;
using Runtime.Spec.Yaml;

namespace Runtime.Spec;

/// <summary>
/// Reads f.yml into a <see cref="ServiceSpec"/>: YAML, then <c>${env.NAME}</c> substitution, then every check, in one
/// pass that reports every problem it finds (not just the first), each at its line and column.
/// </summary>
/// <remarks>
/// YAML is read with YamlDotNet.Core's event parser rather than its (static, AOT-safe) object deserializer: the
/// events carry the line and column of every key and value, and let the reader keep going past a mistake.
/// </remarks>
public static class SpecReader
{
    /// <summary>
    /// Reads the f.yml at <paramref name="path"/>. <paramref name="environment"/> looks up <c>${env.NAME}</c>
    /// (default: the process environment). Throws <see cref="SpecException"/> with every diagnostic (errors and
    /// warnings) when there is at least one error, including when the file cannot be read.
    /// </summary>
    public static SpecReadResult Read(string path, Func<string, string?>? environment = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The CLI shows SpecException messages; a missing f.yml is one more mistake in the spec, with the reason.
            throw new SpecException(path, [SpecDiagnostic.Error(SpecLocation.None, $"cannot read the file: {ex.Message}")]);
        }
        return Parse(text, path, environment);
    }

    /// <summary>
    /// Reads f.yml from <paramref name="text"/>; <paramref name="sourcePath"/> names it in messages and becomes
    /// <see cref="ServiceSpec.SourcePath"/>. Otherwise as <see cref="Read"/>.
    /// </summary>
    public static SpecReadResult Parse(string text, string sourcePath, Func<string, string?>? environment = null)
    {
        var bag = new DiagnosticBag();
        var source = new SourceText(text);
        ServiceSpec? spec = null;
        if (YamlTree.Load(text, bag) is { } root)
        {
            spec = new SpecBinder(sourcePath, source, environment ?? Environment.GetEnvironmentVariable, bag).Bind(root);
            if (spec is not null)
            {
                // Run even after errors, so one pass reports everything: values that failed their own check were
                // left out of the spec (an undefined layer, a pattern matching nothing) and cannot report twice.
                ServiceRules.Check(spec, bag);
            }
        }
        if (bag.HasErrors || spec is null)
        {
            throw new SpecException(sourcePath, bag.Sorted());
        }
        return new SpecReadResult(spec, bag.Warnings());
    }
}
