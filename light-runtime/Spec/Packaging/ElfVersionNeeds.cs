using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Spec.Packaging;

/// <summary>
/// Reads which symbol versions a 64-bit little-endian ELF executable needs from each shared library: its
/// <c>.gnu.version_r</c> section (<c>SHT_GNU_verneed</c>), the same table <c>objdump -p</c> prints as "Version References".
/// The package step uses it to refuse a bootstrap that needs a glibc newer than the target's (the dynamic loader
/// would refuse it at the first cold start, far from the build that caused it).
/// Layout: System V gABI ELF-64 header and section header table; verneed/vernaux entries as in the LSB "Symbol Versioning" spec.
/// </summary>
public static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>Library file name (e.g. <c>libc.so.6</c>) → the version names needed from it (e.g. <c>GLIBC_2.34</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new FormatException("not an ELF file (the first four bytes are not 0x7f 'E' 'L' 'F')");
        }
        if (elf[4] != 2)
        {
            throw new FormatException("not a 64-bit ELF file (EI_CLASS is not ELFCLASS64)");
        }
        if (elf[5] != 1)
        {
            throw new FormatException("not a little-endian ELF file (EI_DATA is not ELFDATA2LSB)");
        }
        ulong sectionTable = BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        if (sectionTable == 0 || count == 0)
        {
            throw new FormatException("the ELF file has no section header table, so its version needs cannot be read");
        }
        if (entrySize < 64 || sectionTable + (ulong)entrySize * count > (ulong)elf.Length)
        {
            throw new FormatException("the ELF section header table lies outside the file (truncated?)");
        }

        var needs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> header = elf.Slice(checked((int)sectionTable + i * entrySize), entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed)
            {
                continue;
            }
            ReadOnlySpan<byte> section = Section(elf, header);
            uint link = BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            if (link >= count)
            {
                throw new FormatException("the ELF version-needs section links to a string table that does not exist");
            }
            ReadOnlySpan<byte> strings = Section(elf, elf.Slice(checked((int)sectionTable + (int)link * entrySize), entrySize));
            ReadNeeds(section, strings, needs);
        }
        return needs;
    }

    /// <summary>The newest <c>GLIBC_x.y</c> the executable needs from any library, or null when it needs none.</summary>
    public static GlibcVersion? NewestGlibc(IReadOnlyDictionary<string, IReadOnlyList<string>> needs)
    {
        GlibcVersion? newest = null;
        foreach (IReadOnlyList<string> versions in needs.Values)
        {
            foreach (string name in versions)
            {
                if (GlibcVersion.TryParse(name, out GlibcVersion version) && (newest is null || version > newest.Value))
                {
                    newest = version;
                }
            }
        }
        return newest;
    }

    private static ReadOnlySpan<byte> Section(ReadOnlySpan<byte> elf, ReadOnlySpan<byte> header)
    {
        ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
        ulong size = BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
        if (offset + size > (ulong)elf.Length || offset + size < offset)
        {
            throw new FormatException("an ELF section lies outside the file (truncated?)");
        }
        return elf.Slice((int)offset, (int)size);
    }

    private static void ReadNeeds(ReadOnlySpan<byte> section, ReadOnlySpan<byte> strings, Dictionary<string, IReadOnlyList<string>> needs)
    {
        int entry = 0;
        for (int guard = 0; guard < 4096; guard++)
        {
            if (entry < 0 || entry + 16 > section.Length)
            {
                throw new FormatException("an ELF version-needs entry lies outside its section");
            }
            ushort auxCount = BinaryPrimitives.ReadUInt16LittleEndian(section[(entry + 2)..]);
            string file = String(strings, BinaryPrimitives.ReadUInt32LittleEndian(section[(entry + 4)..]));
            uint auxOffset = BinaryPrimitives.ReadUInt32LittleEndian(section[(entry + 8)..]);
            uint next = BinaryPrimitives.ReadUInt32LittleEndian(section[(entry + 12)..]);

            var versions = new List<string>(auxCount);
            int aux = entry + (int)auxOffset;
            for (int j = 0; j < auxCount; j++)
            {
                if (aux < 0 || aux + 16 > section.Length)
                {
                    throw new FormatException("an ELF version-needs auxiliary entry lies outside its section");
                }
                versions.Add(String(strings, BinaryPrimitives.ReadUInt32LittleEndian(section[(aux + 8)..])));
                aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(section[(aux + 12)..]);
            }
            if (needs.TryGetValue(file, out IReadOnlyList<string>? existing))
            {
                versions.InsertRange(0, existing);
            }
            needs[file] = versions;
            if (next == 0)
            {
                return;
            }
            entry += (int)next;
        }
        throw new FormatException("the ELF version-needs chain does not end");
    }

    private static string String(ReadOnlySpan<byte> strings, uint offset)
    {
        if (offset >= strings.Length)
        {
            throw new FormatException("an ELF string offset lies outside its string table");
        }
        ReadOnlySpan<byte> rest = strings[(int)offset..];
        int end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }
}
