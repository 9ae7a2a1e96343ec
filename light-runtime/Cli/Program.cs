namespace Runtime.Cli;

/// <summary>The <c>faas</c> tool's entry point.</summary>
internal static class Program
{
    private static int Main(string[] args) => FaasCommand.Create().Parse(args).Invoke();
}
