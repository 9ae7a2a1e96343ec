using System.IO;

namespace Runtime.Cli.Packaging;

/// <summary>One entry of a zip: its path (with <c>/</c>; a folder's ends with <c>/</c>), its unix mode, and its bytes (null for a folder).</summary>
internal sealed record ZipItem(string Name, UnixFileMode Mode, ZipBlob? Content)
{
    /// <summary>rwxr-xr-x: executables and folders.</summary>
    public const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    /// <summary>rw-r--r--: everything else.</summary>
    public const UnixFileMode Regular = (UnixFileMode)0b110_100_100;

    /// <summary>A folder entry (<paramref name="name"/> ends with <c>/</c>).</summary>
    public static ZipItem Folder(string name) => new(name.EndsWith('/') ? name : name + "/", Executable, null);
}
