using System;
using Xunit;

namespace Runtime.Spec.Tests;

public sealed partial class SpecReaderTests
{
    [Fact]
    public void Parse_EveryPrefixOfAValidFile_AcceptsOrReportsNeverCrashes()
    {
        string yaml = Some.FullYaml.ReplaceLineEndings("\n");
        for (int length = 0; length <= yaml.Length; length++)
        {
            string prefix = yaml[..length];
            try
            {
                Some.Read(prefix, "REGION=eu");
            }
            catch (SpecException ex)
            {
                Assert.All(ex.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
                Assert.Contains(ex.Diagnostics, d => d.Severity == SpecSeverity.Error);
            }
            catch (Exception ex)
            {
                Assert.Fail($"prefix of {length} characters threw {ex.GetType().Name}: {ex.Message}\n---\n{prefix}");
            }
        }
    }

    [Fact]
    public void Parse_EveryLineRemoved_AcceptsOrReportsNeverCrashes()
    {
        string[] lines = Some.FullYaml.ReplaceLineEndings("\n").Split('\n');
        for (int skip = 0; skip < lines.Length; skip++)
        {
            string yaml = string.Join('\n', lines[..skip]) + "\n" + string.Join('\n', lines[(skip + 1)..]);
            try
            {
                Some.Read(yaml, "REGION=eu");
            }
            catch (SpecException)
            {
                // Reported as a mistake in f.yml: what this test wants.
            }
            catch (Exception ex)
            {
                Assert.Fail($"without line {skip + 1} threw {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
