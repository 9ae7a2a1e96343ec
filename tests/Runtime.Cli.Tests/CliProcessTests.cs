using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Cli.Tests;

/// <summary>faas as the user runs it: a real process (<c>dotnet Runtime.Cli.dll</c>, as the installed tool does), its exit code and streams.</summary>
public sealed class CliProcessTests
{
    private static readonly string s_cli = Path.Combine(AppContext.BaseDirectory, "Runtime.Cli.dll");

    [Fact]
    public async Task Process_BadSpec_Exit1ErrorsOnStderr()
    {
        using var temp = new TempDirectory();
        string spec = temp.Write("f.yml", "service: shop\nprovider:\n  name: aws\n  timeout: soon\nfunctions:\n  hello: {}\n");

        (int code, string output, string error) = await RunAsync("spec", "--platform", "aws", "--file", spec, "--out", temp.Combine("out"));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"{spec}:4:12: error: ", error);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task Process_Package_Exit0WritesArtifacts()
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp);

        (int code, string output, string error) = await RunAsync(
            "package", "--platform", "aws", "--file", spec, "--bootstrap", Some.Bootstrap(temp), "--out", temp.Combine("dist"));

        Assert.True(code == 0, error);
        Assert.Contains($"wrote {temp.Combine("dist", "api.zip")}", output);
        Assert.Equal(0b111_101_101, new ZipContent(temp.Combine("dist", "api.zip")).ModeOf("bootstrap"));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(s_cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
