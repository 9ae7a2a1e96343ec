using System.CommandLine;

namespace Runtime.Cli;

/// <summary>The root of <c>faas</c>: <c>faas spec</c> and <c>faas package</c>.</summary>
internal static class FaasCommand
{
    /// <summary>A new command tree (tests and the benchmark invoke it in-process).</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("faas: turn f.yml into a cloud's deployment files (spec) and deployable artifacts (package).");
        root.Subcommands.Add(SpecCommand.Create());
        root.Subcommands.Add(PackageCommand.Create());
        return root;
    }
}
