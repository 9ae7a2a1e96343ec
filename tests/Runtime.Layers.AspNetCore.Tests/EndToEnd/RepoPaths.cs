using System;
using System.IO;

namespace Runtime.Layers.AspNetCore.Tests.EndToEnd;

/// <summary>Finds the repository from the test binary's folder (the folder holding Runtime.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static byte[] Fixture(string relative) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "events", relative));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Runtime.sln not found above " + AppContext.BaseDirectory);
    }
}
