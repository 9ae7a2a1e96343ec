using System.IO;
using System.Linq;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests;

/// <summary>The example in docs/f-yml.md is a valid f.yml, and plans as the page says.</summary>
public sealed class DocsTests
{
    [Fact]
    public void DocsExample_IsValidAndPlansAsDescribed()
    {
        string page = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "f-yml.md")).ReplaceLineEndings("\n");
        int start = page.IndexOf("```yaml\n", System.StringComparison.Ordinal) + "```yaml\n".Length;
        string yaml = page[start..page.IndexOf("```", start, System.StringComparison.Ordinal)];

        SpecReadResult result = Some.Read(yaml, "STAGE=prod");

        Assert.Equal(
            ["f.yml:28:3: warning: function 'user-get' also runs under layer 'metrics', which another function of group 'api' lists"],
            result.Warnings.Select(w => w.Format("f.yml")));
        Assert.Equal("prod-", result.Spec.Provider.Environment["TABLE_PREFIX"]);
        var plan = DeploymentPlanner.Plan(result.Spec);
        Assert.Equal(["api", "user-admin"], plan.Select(d => d.Name));
        Assert.Equal(["hello", "user-get"], plan[0].Members.Select(m => m.Name));
        Assert.Equal(1024, plan[0].MemorySize);
        Assert.Equal(CloudPlatform.Aws, result.Spec.Provider.Name);
    }

    private static string RepoRoot()
    {
        string? directory = System.AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Runtime.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        return directory ?? throw new DirectoryNotFoundException("Runtime.sln not found above the test binaries");
    }
}
