using System;
using System.IO;

namespace Runtime.ColdStart;

/// <summary>Finds the repository: the first folder holding <c>Runtime.sln</c> above the current folder or this program.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new HarnessException("Runtime.sln not found above " + Environment.CurrentDirectory + " or " + AppContext.BaseDirectory);
    }
}
