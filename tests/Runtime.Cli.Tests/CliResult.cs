namespace Runtime.Cli.Tests;

/// <summary>Exit code, stdout and stderr of one run.</summary>
internal sealed record CliResult(int Code, string Output, string Error)
{
    public override string ToString() => $"exit {Code}\n--- stdout\n{Output}--- stderr\n{Error}";
}
