using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// samples/Shop (three functions declared by attributes) published as a native-AOT <c>bootstrap</c> once per run, and
/// the faas CLI (Runtime.Cli.dll, built beside these tests through the project reference) to package it.
/// </summary>
public sealed class PublishedShop : IAsyncLifetime
{
    public string Bootstrap { get; private set; } = string.Empty;

    public string Cli { get; } = Path.Combine(AppContext.BaseDirectory, "Runtime.Cli.dll");

    public async Task InitializeAsync()
    {
        string output = Path.Combine(Path.GetTempPath(), "faas-e2e-shop-" + Environment.ProcessId);
        (int code, string log) = await RunAsync("dotnet", RepoPaths.Root, TimeSpan.FromMinutes(10),
            "publish", "samples/Shop/Shop.csproj", "-c", "Release", "-o", output, "-nologo");
        if (code != 0 || log.Contains("warning IL", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("dotnet publish samples/Shop failed or warned:\n" + log);
        }
        Bootstrap = Path.Combine(output, "bootstrap");
    }

    /// <summary>Runs <c>faas</c> with <paramref name="arguments"/> in <paramref name="directory"/>: its exit code and both streams.</summary>
    public Task<(int Code, string Output)> FaasAsync(string directory, params string[] arguments)
    {
        string[] all = new string[arguments.Length + 1];
        all[0] = Cli;
        arguments.CopyTo(all, 1);
        return RunAsync("dotnet", directory, TimeSpan.FromMinutes(2), all);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string directory, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class ShopCollection : ICollectionFixture<PublishedShop>
{
    public const string Name = "published shop";
}
