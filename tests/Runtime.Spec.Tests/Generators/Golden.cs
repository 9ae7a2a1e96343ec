using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Runtime.Spec.Generators;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// Compares a generator's output with the files under <c>golden/&lt;cloud&gt;/&lt;case&gt;/</c> (plus <c>diagnostics.txt</c>
/// when it reported anything). Set <c>FAAS_UPDATE_GOLDEN=1</c> to rewrite them from the current output, then review
/// the diff by hand against the cloud's schema before committing.
/// </summary>
internal static class Golden
{
    public const string UpdateVariable = "FAAS_UPDATE_GOLDEN";

    public static void Verify(string cloud, string caseName, GeneratedFiles result, [CallerFilePath] string callerFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "golden", cloud, caseName);
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (GeneratedFile file in result.Files)
        {
            actual.Add(file.Path, file.Content);
        }
        if (result.Diagnostics.Count > 0)
        {
            actual.Add("diagnostics.txt", string.Concat(result.Diagnostics.Select(d => d.Format(Some.Path) + "\n")));
        }

        // Reading the variable only (never setting it) keeps the process environment untouched.
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            foreach (KeyValuePair<string, string> file in actual)
            {
                string path = Path.Combine(folder, file.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Value);
            }
            return;
        }

        Assert.True(Directory.Exists(folder), $"No golden files in {folder}; run the tests with {UpdateVariable}=1 to write them.");
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            expected.Add(Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText(path).ReplaceLineEndings("\n"));
        }
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (KeyValuePair<string, string> file in expected)
        {
            Assert.Equal(file.Value, actual[file.Key]);
        }
    }
}
