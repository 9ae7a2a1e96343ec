using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Runtime.Cli.Tests;

/// <summary>
/// A minimal 64-bit little-endian ELF file written byte by byte: header, optional PT_INTERP program header and loader path, a string
/// table and a .gnu.version_r section needing the given GLIBC_x.y versions from libc.so.6. Enough for the package step's
/// checks, with versions no real binary on the test machine has to happen to need.
/// </summary>
internal static class ElfFixture
{
    public const ushort Executable = 2;
    public const ushort SharedObject = 3;
    public const ushort X86_64 = 62;
    public const ushort Arm64 = 183;

    public static byte[] Build(IReadOnlyList<string> glibcVersions, ushort type = Executable, ushort machine = X86_64, string? interpreter = null)
    {
        var strings = new MemoryStream();
        strings.WriteByte(0);
        int libc = Add(strings, "libc.so.6");
        var names = new List<int>();
        foreach (string version in glibcVersions)
        {
            names.Add(Add(strings, version));
        }
        byte[] strtab = strings.ToArray();

        byte[] verneed = new byte[glibcVersions.Count == 0 ? 0 : 16 + 16 * glibcVersions.Count];
        if (glibcVersions.Count > 0)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(verneed, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(verneed.AsSpan(2), (ushort)glibcVersions.Count);
            BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(4), (uint)libc);
            BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(8), 16);
            for (int i = 0; i < names.Count; i++)
            {
                Span<byte> aux = verneed.AsSpan(16 + 16 * i);
                BinaryPrimitives.WriteUInt32LittleEndian(aux[8..], (uint)names[i]);
                BinaryPrimitives.WriteUInt32LittleEndian(aux[12..], i == names.Count - 1 ? 0u : 16u);
            }
        }

        int programHeaders = interpreter is null ? 0 : 1;
        byte[] interpreterPath = interpreter is null ? [] : [.. Encoding.ASCII.GetBytes(interpreter), 0];
        int interpreterOffset = 64 + 56 * programHeaders;
        int strtabOffset = interpreterOffset + interpreterPath.Length;
        int verneedOffset = strtabOffset + strtab.Length;
        int sectionTable = (verneedOffset + verneed.Length + 7) & ~7;
        int sections = glibcVersions.Count > 0 ? 3 : 2;
        byte[] elf = new byte[sectionTable + 64 * sections];

        elf[0] = 0x7f;
        elf[1] = (byte)'E';
        elf[2] = (byte)'L';
        elf[3] = (byte)'F';
        elf[4] = 2; // ELFCLASS64
        elf[5] = 1; // ELFDATA2LSB
        elf[6] = 1; // EV_CURRENT
        Span<byte> span = elf;
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x10..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x12..], machine);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x14..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(span[0x20..], programHeaders > 0 ? 64ul : 0ul);
        BinaryPrimitives.WriteUInt64LittleEndian(span[0x28..], (ulong)sectionTable);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x34..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x36..], 56);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x38..], (ushort)programHeaders);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3A..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3C..], (ushort)sections);
        if (interpreter is not null)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[64..], 3); // PT_INTERP
            BinaryPrimitives.WriteUInt64LittleEndian(span[(64 + 0x08)..], (ulong)interpreterOffset);
            BinaryPrimitives.WriteUInt64LittleEndian(span[(64 + 0x20)..], (ulong)interpreterPath.Length);
            interpreterPath.CopyTo(span[interpreterOffset..]);
        }
        strtab.CopyTo(span[strtabOffset..]);
        verneed.CopyTo(span[verneedOffset..]);

        // [0] SHT_NULL, [1] .dynstr (SHT_STRTAB), [2] .gnu.version_r (SHT_GNU_verneed, linked to [1]).
        Section(span[(sectionTable + 64)..], 3, strtabOffset, strtab.Length, link: 0);
        if (glibcVersions.Count > 0)
        {
            Section(span[(sectionTable + 128)..], 0x6ffffffe, verneedOffset, verneed.Length, link: 1);
        }
        return elf;
    }

    private static void Section(Span<byte> header, uint type, int offset, int size, uint link)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(header[0x18..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header[0x20..], (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x28..], link);
    }

    private static int Add(MemoryStream strings, string value)
    {
        int offset = (int)strings.Length;
        strings.Write(Encoding.ASCII.GetBytes(value));
        strings.WriteByte(0);
        return offset;
    }
}
