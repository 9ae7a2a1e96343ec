using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace Runtime.Engine.Generators.Tests;

/// <summary>
/// Compares generated source with a file under <c>Golden/</c>. A missing file is written from the actual output and
/// the test fails, so a new golden file is always looked at before it is committed.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string? actual, [CallerFilePath] string caller = "")
    {
        Assert.NotNull(actual);
        string path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        string normalized = actual!.Replace("\r\n", "\n");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, normalized);
            Assert.Fail("Wrote the missing golden file " + path + "; read it, then run again.");
        }
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), normalized);
    }
}
