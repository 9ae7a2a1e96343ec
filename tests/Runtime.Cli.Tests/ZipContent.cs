using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Runtime.Cli.Tests;

/// <summary>A zip read back with <see cref="ZipArchive"/>: entry name to unix mode (permission bits) and bytes.</summary>
internal sealed class ZipContent
{
    private readonly Dictionary<string, (int Mode, byte[] Bytes)> _entries = new();

    public ZipContent(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            using Stream stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Names.Add(entry.FullName);
            _entries[entry.FullName] = ((entry.ExternalAttributes >>> 16) & 0xFFF, copy.ToArray());
        }
    }

    /// <summary>Entry names in zip order.</summary>
    public List<string> Names { get; } = [];

    public int ModeOf(string name) => _entries[name].Mode;

    public byte[] Bytes(string name) => _entries[name].Bytes;

    public string Text(string name) => Encoding.UTF8.GetString(_entries[name].Bytes);
}
