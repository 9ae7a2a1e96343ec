using System.CommandLine;
using System.IO;

namespace Runtime.Cli.Tests;

/// <summary>Runs <c>faas</c> in-process through its System.CommandLine root, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = FaasCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
