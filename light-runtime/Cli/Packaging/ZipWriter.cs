using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Runtime.Cli.Packaging;

/// <summary>
/// Writes a zip from blobs compressed beforehand (<see cref="ZipBlob"/>), which <see cref="System.IO.Compression.ZipArchive"/>
/// cannot do (it deflates every entry it writes). Every entry is "made by" unix with its mode in the high half of the
/// external attributes, as Info-ZIP writes it, so the clouds' unzip keeps <c>bootstrap</c> executable. Timestamps are
/// fixed (1980-01-01) so the same input gives the same bytes and deploy tools that hash the code skip an unchanged upload.
/// Layout: PKWARE APPNOTE 6.3.x §4.3 (local headers, central directory, end of central directory); no zip64.
/// </summary>
internal static class ZipWriter
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const ushort VersionNeeded = 20; // 2.0: deflate and folders
    private const ushort VersionMadeBy = (3 << 8) | 20; // host 3 = unix, so unzip reads the mode from the external attributes
    private const ushort Utf8Names = 1 << 11;
    private const ushort DosDate1980January1 = (0 << 9) | (1 << 5) | 1;
    private const uint DosDirectoryAttribute = 0x10;
    private const uint UnixRegularFile = 0x8000; // S_IFREG
    private const uint UnixDirectory = 0x4000; // S_IFDIR

    /// <summary>Writes <paramref name="items"/>, in order, as a zip to <paramref name="destination"/>.</summary>
    public static void Write(Stream destination, IReadOnlyList<ZipItem> items)
    {
        if (items.Count > ushort.MaxValue)
        {
            throw new InvalidOperationException($"a zip without zip64 holds at most {ushort.MaxValue} entries; this one would hold {items.Count}");
        }
        var offsets = new uint[items.Count];
        var names = new byte[items.Count][];
        long position = 0;
        Span<byte> header = stackalloc byte[46];
        for (int i = 0; i < items.Count; i++)
        {
            ZipItem item = items[i];
            names[i] = Encoding.UTF8.GetBytes(item.Name);
            offsets[i] = Checked32(position, item.Name);
            ZipBlob? blob = item.Content;
            WriteLocalHeader(header, item, blob, names[i].Length);
            destination.Write(header[..30]);
            destination.Write(names[i]);
            if (blob is not null)
            {
                destination.Write(blob.Data);
            }
            position += 30 + names[i].Length + (blob?.Data.Length ?? 0);
        }

        uint centralStart = Checked32(position, "the central directory");
        long centralSize = 0;
        for (int i = 0; i < items.Count; i++)
        {
            WriteCentralHeader(header, items[i], names[i].Length, offsets[i]);
            destination.Write(header);
            destination.Write(names[i]);
            centralSize += 46 + names[i].Length;
        }

        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)items.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)items.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], Checked32(centralSize, "the central directory"));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], centralStart);
        destination.Write(end);
    }

    private static void WriteLocalHeader(Span<byte> header, ZipItem item, ZipBlob? blob, int nameLength)
    {
        header[..30].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionNeeded);
        WriteCommon(header[6..], item, blob, nameLength);
    }

    private static void WriteCentralHeader(Span<byte> header, ZipItem item, int nameLength, uint localHeaderOffset)
    {
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionMadeBy);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], VersionNeeded);
        WriteCommon(header[8..], item, item.Content, nameLength);
        // [30..36): extra and comment lengths, disk number start, internal attributes: all zero.
        uint type = item.Content is null ? UnixDirectory : UnixRegularFile;
        uint external = ((type | (uint)item.Mode) << 16) | (item.Content is null ? DosDirectoryAttribute : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[38..], external);
        BinaryPrimitives.WriteUInt32LittleEndian(header[42..], localHeaderOffset);
    }

    // The fields local and central headers share, from "general purpose bit flag" to "file name length".
    private static void WriteCommon(Span<byte> at, ZipItem item, ZipBlob? blob, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, Ascii(item.Name) ? (ushort)0 : Utf8Names);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], blob?.Method ?? 0);
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], 0); // 00:00:00
        BinaryPrimitives.WriteUInt16LittleEndian(at[6..], DosDate1980January1);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], blob?.Crc32 ?? 0);
        BinaryPrimitives.WriteUInt32LittleEndian(at[12..], Checked32(blob?.Data.Length ?? 0, item.Name));
        BinaryPrimitives.WriteUInt32LittleEndian(at[16..], Checked32(blob?.Length ?? 0, item.Name));
        BinaryPrimitives.WriteUInt16LittleEndian(at[20..], checked((ushort)nameLength));
    }

    private static bool Ascii(string name)
    {
        foreach (char c in name)
        {
            if (c > 0x7f)
            {
                return false;
            }
        }
        return true;
    }

    private static uint Checked32(long value, string what) =>
        value <= uint.MaxValue
            ? (uint)value
            : throw new InvalidOperationException($"{what} lies beyond 4 GiB, which a zip without zip64 cannot hold");
}
