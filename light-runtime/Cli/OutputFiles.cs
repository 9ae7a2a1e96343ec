using System.IO;
using System.Text;

namespace Runtime.Cli;

/// <summary>Writing the commands' files: UTF-8 without a BOM, folders created as needed.</summary>
internal static class OutputFiles
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The UTF-8 encoding every text file is written in.</summary>
    public static Encoding Utf8 => s_utf8;

    /// <summary>The path of <paramref name="relative"/> (with <c>/</c>) under <paramref name="directory"/>.</summary>
    public static string PathOf(string directory, string relative) =>
        Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> under <paramref name="directory"/>; returns the path written.</summary>
    public static string WriteText(string directory, string relative, string content)
    {
        string path = PathOf(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, content, s_utf8);
        return path;
    }
}
