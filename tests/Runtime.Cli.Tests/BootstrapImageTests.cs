using System.Runtime.InteropServices;
using Runtime.Cli.Packaging;
using Runtime.Spec.Packaging;
using Xunit;

namespace Runtime.Cli.Tests;

public sealed class BootstrapImageTests
{
    [Fact]
    public void TryRead_RealExecutable_ReadsMachineAndGlibc()
    {
        // The dotnet host running these tests is a real dynamically linked PIE executable on every Linux CI machine.
        string host = System.Environment.ProcessPath!;

        BootstrapImage? image = BootstrapImage.TryRead(host, out string? error);

        Assert.Null(error);
        Assert.NotNull(image);
        Assert.Equal(RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x86_64", image.Machine);
        Assert.NotNull(image.NewestGlibc);
    }

    [Fact]
    public void TryRead_CraftedExecutable_NewestGlibcOfItsNeeds()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bootstrap", ElfFixture.Build(["GLIBC_2.2.5", "GLIBC_2.38", "GLIBC_2.17", "GLIBC_PRIVATE"]));

        BootstrapImage? image = BootstrapImage.TryRead(path, out string? error);

        Assert.Null(error);
        Assert.Equal(new GlibcVersion(2, 38), image!.NewestGlibc);
    }

    [Fact]
    public void TryRead_NoVersionNeeds_NoGlibc()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bootstrap", ElfFixture.Build([]));

        Assert.Null(BootstrapImage.TryRead(path, out _)!.NewestGlibc);
    }

    [Fact]
    public void TryRead_PieExecutable_Accepted()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bootstrap", ElfFixture.Build(["GLIBC_2.34"], ElfFixture.SharedObject, ElfFixture.Arm64, "/lib/ld-linux-aarch64.so.1"));

        BootstrapImage? image = BootstrapImage.TryRead(path, out string? error);

        Assert.Null(error);
        Assert.Equal("arm64", image!.Machine);
    }

    [Theory]
    [InlineData("#!/bin/sh\necho not a binary\n", "not an ELF executable")]
    [InlineData("MZ\u0090\0 a windows exe, long enough to pass for a header of sixty-four bytes or more", "not an ELF executable")]
    [InlineData("", "not an ELF executable")]
    public void TryRead_NotElf_SaysSo(string content, string expected)
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bootstrap", content);

        Assert.Null(BootstrapImage.TryRead(path, out string? error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryRead_SharedLibrary_SaysItIsNotAnExecutable()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("Layer.so", ElfFixture.Build(["GLIBC_2.34"], ElfFixture.SharedObject));

        Assert.Null(BootstrapImage.TryRead(path, out string? error));
        Assert.Contains("shared library", error);
    }

    [Fact]
    public void TryRead_MuslBuild_SaysToPublishForGlibc()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bootstrap", ElfFixture.Build([], ElfFixture.SharedObject, interpreter: "/lib/ld-musl-x86_64.so.1"));

        Assert.Null(BootstrapImage.TryRead(path, out string? error));
        Assert.Contains("built for musl (its loader is /lib/ld-musl-x86_64.so.1)", error);
        Assert.Contains("-r linux-x64", error);
    }

    [Fact]
    public void TryRead_OtherMachine_NamesTheMachine()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bootstrap", ElfFixture.Build(["GLIBC_2.34"], machine: 243)); // RISC-V

        Assert.Null(BootstrapImage.TryRead(path, out string? error));
        Assert.Contains("machine 243", error);
    }

    [Fact]
    public void TryRead_MissingFile_CannotRead()
    {
        Assert.Null(BootstrapImage.TryRead("/nonexistent/bootstrap", out string? error));
        Assert.Contains("cannot read the bootstrap", error);
    }
}
