using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Runtime.Spec.Packaging;

namespace Runtime.Cli.Packaging;

/// <summary>
/// The published bootstrap, read once: its bytes and the newest glibc it needs. Refuses anything the clouds could not
/// exec as a custom runtime: a file that is not a 64-bit little-endian ELF executable for x86-64 or arm64 (the managed
/// <c>.dll</c> of a framework-dependent publish, a shared library, a Windows or macOS build).
/// </summary>
internal sealed class BootstrapImage
{
    private const ushort EtExec = 2;
    private const ushort EtDyn = 3;
    private const ushort EmX86_64 = 62;
    private const ushort EmAarch64 = 183;
    private const uint PtInterp = 3;

    private BootstrapImage(string path, byte[] content, string machine, GlibcVersion? newestGlibc)
    {
        Path = path;
        Content = content;
        Machine = machine;
        NewestGlibc = newestGlibc;
    }

    /// <summary>The path as given on the command line (used in messages).</summary>
    public string Path { get; }

    /// <summary>The file's bytes.</summary>
    public byte[] Content { get; }

    /// <summary><c>x86_64</c> or <c>arm64</c>.</summary>
    public string Machine { get; }

    /// <summary>The newest <c>GLIBC_x.y</c> symbol version it needs, or null (static, or no glibc symbols at all).</summary>
    public GlibcVersion? NewestGlibc { get; }

    /// <summary>Reads and checks <paramref name="path"/>; a problem is a message for the user in <paramref name="error"/>.</summary>
    public static BootstrapImage? TryRead(string path, out string? error)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported to the user as the command's error: the message names the file and the reason.
            error = $"cannot read the bootstrap: {e.Message}";
            return null;
        }

        error = Check(content, out string machine);
        if (error is not null)
        {
            return null;
        }
        try
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>> needs = ElfVersionNeeds.Read(content);
            return new BootstrapImage(path, content, machine, ElfVersionNeeds.NewestGlibc(needs));
        }
        catch (FormatException e)
        {
            // A malformed ELF is the user's input, not our bug: say what is wrong with it.
            error = $"not a usable ELF executable: {e.Message}";
            return null;
        }
    }

    // Null when the header is that of a 64-bit little-endian executable the clouds run; otherwise what is wrong.
    private static string? Check(ReadOnlySpan<byte> elf, out string machine)
    {
        machine = "";
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            return "not an ELF executable; --bootstrap takes the native executable that 'dotnet publish -r linux-x64' "
                + "(or linux-arm64) writes for a PublishAot project, not a .dll, a folder or a zip";
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            return "not a 64-bit little-endian ELF executable; the clouds run x86_64 and arm64 only";
        }
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x10..]);
        ushort machineCode = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x12..]);
        machine = machineCode switch
        {
            EmX86_64 => "x86_64",
            EmAarch64 => "arm64",
            _ => "",
        };
        if (machine.Length == 0)
        {
            return $"an ELF file for machine {machineCode}, not x86_64 (62) or arm64 (183); publish with -r linux-x64 or -r linux-arm64";
        }
        string? interpreter = Interpreter(elf);
        if (interpreter is not null && interpreter.Contains("musl", StringComparison.Ordinal))
        {
            return $"built for musl (its loader is {interpreter}): the clouds' runtimes are glibc; publish with -r linux-x64 or -r linux-arm64, not linux-musl-*";
        }
        if (type == EtExec || (type == EtDyn && interpreter is not null))
        {
            return null;
        }
        return type == EtDyn
            ? "an ELF shared library, not an executable (a layer's .so goes in the spec's layers, not in --bootstrap)"
            : $"an ELF file of type {type}, not an executable";
    }

    // The PT_INTERP program header's path (the dynamic loader), or null without one. It also sets a position-independent
    // executable apart from a shared library, both ET_DYN (System V gABI, "Program Header").
    private static string? Interpreter(ReadOnlySpan<byte> elf)
    {
        ulong table = BinaryPrimitives.ReadUInt64LittleEndian(elf[0x20..]);
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x36..]);
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x38..]);
        if (table == 0 || entrySize < 56 || table + (ulong)entrySize * count > (ulong)elf.Length)
        {
            return null;
        }
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> header = elf[(int)((int)table + i * entrySize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != PtInterp)
            {
                continue;
            }
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(header[0x08..]);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
            if (offset + size > (ulong)elf.Length || size == 0)
            {
                return ""; // Present but unreadable: still an executable; the loader will say more than we can.
            }
            ReadOnlySpan<byte> path = elf.Slice((int)offset, (int)size);
            int end = path.IndexOf((byte)0);
            return Encoding.ASCII.GetString(end < 0 ? path : path[..end]);
        }
        return null;
    }
}
