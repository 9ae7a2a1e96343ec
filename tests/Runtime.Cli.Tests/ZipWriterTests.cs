using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Runtime.Cli.Packaging;
using Xunit;

namespace Runtime.Cli.Tests;

public sealed class ZipWriterTests
{
    [Fact]
    public void Write_FilesAndFolders_ZipArchiveReadsNamesContentAndUnixModes()
    {
        byte[] big = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 7)).ToArray();
        byte[] random = new byte[1000];
        new Random(1).NextBytes(random);
        using var stream = new MemoryStream();

        ZipWriter.Write(stream,
        [
            new ZipItem("bootstrap", ZipItem.Executable, ZipBlob.Create(big)),
            ZipItem.Folder("layers/"),
            new ZipItem("layers/noise.bin", ZipItem.Regular, ZipBlob.Create(random)),
            new ZipItem("empty", ZipItem.Regular, ZipBlob.Create([])),
        ]);

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        Assert.Equal(["bootstrap", "layers/", "layers/noise.bin", "empty"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(big, Read(zip.GetEntry("bootstrap")!));
        Assert.Equal(random, Read(zip.GetEntry("layers/noise.bin")!));
        Assert.Empty(Read(zip.GetEntry("empty")!));
        Assert.Equal(0x81ED, zip.GetEntry("bootstrap")!.ExternalAttributes >>> 16); // S_IFREG | 0755
        Assert.Equal(0x81A4, zip.GetEntry("layers/noise.bin")!.ExternalAttributes >>> 16); // S_IFREG | 0644
        Assert.Equal(0x41ED, zip.GetEntry("layers/")!.ExternalAttributes >>> 16); // S_IFDIR | 0755
    }

    [Fact]
    public void Create_IncompressibleContent_IsStored()
    {
        byte[] random = new byte[200];
        new Random(2).NextBytes(random);

        Assert.Equal(0, ZipBlob.Create(random).Method);
        Assert.Equal(8, ZipBlob.Create(new byte[200]).Method);
    }

    [Fact]
    public void Write_SameInput_SameBytes()
    {
        byte[] First() => Zip(new ZipItem("a", ZipItem.Regular, ZipBlob.Create(Encoding.UTF8.GetBytes("same"))));

        Assert.Equal(First(), First());
    }

    [Fact]
    public void Write_Unzip_TestsCleanAndKeepsTheExecutableBit()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("a.zip");
        File.WriteAllBytes(path, Zip(
            new ZipItem("bootstrap", ZipItem.Executable, ZipBlob.Create(Encoding.UTF8.GetBytes("#!/bin/sh\necho hi\n"))),
            ZipItem.Folder("layers/"),
            new ZipItem("layers/é.txt", ZipItem.Regular, ZipBlob.Create(Encoding.UTF8.GetBytes("x")))));

        (int code, string output) = Run("unzip", "-t", path);
        Assert.True(code == 0, output);
        (code, output) = Run("unzip", "-q", path, "-d", temp.Combine("x"));
        Assert.True(code == 0, output);

        Assert.Equal(ZipItem.Executable, File.GetUnixFileMode(temp.Combine("x", "bootstrap")));
        Assert.Equal("x", File.ReadAllText(temp.Combine("x", "layers", "é.txt")));
    }

    private static byte[] Zip(params ZipItem[] items)
    {
        using var stream = new MemoryStream();
        ZipWriter.Write(stream, items);
        return stream.ToArray();
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
