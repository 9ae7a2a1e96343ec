using System.Globalization;
using System.IO;

namespace Runtime.EmulatorCli;

/// <summary>Parsed command line of <c>runtime-emulator</c>.</summary>
internal sealed class CliOptions
{
    public const string Usage =
        """
        usage: runtime-emulator aws|scf --bootstrap <path> (--event <file.json> | --invoke-port <port>) [--handler <name>] [--count N]

          aws|scf              which runtime API to emulate (AWS Lambda Runtime API or Tencent SCF custom runtime)
          --bootstrap <path>   the bootstrap executable, started as a child with the emulator's environment (+ PATH)
          --event <file>       send this event N times and print each outcome and its round-trip time
          --invoke-port <port> serve POST http://127.0.0.1:<port>/2015-03-31/functions/function/invocations
                               (Runtime Interface Emulator compatible; 0 = any free port) until Ctrl-C
          --handler <name>     _HANDLER value (default: echo)
          --count N            how many times to send --event (default: 1)
        """;

    private CliOptions(string cloud, string bootstrap, string? eventFile, int? invokePort, string handler, int count)
    {
        Cloud = cloud;
        Bootstrap = bootstrap;
        EventFile = eventFile;
        InvokePort = invokePort;
        Handler = handler;
        Count = count;
    }

    /// <summary><c>aws</c> or <c>scf</c>.</summary>
    public string Cloud { get; }

    /// <summary>Full path of the bootstrap.</summary>
    public string Bootstrap { get; }

    public string? EventFile { get; }

    public int? InvokePort { get; }

    public string Handler { get; }

    public int Count { get; }

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are not valid (empty error = help asked).</summary>
    public static CliOptions? TryParse(string[] args, out string error)
    {
        error = string.Empty;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            return null;
        }

        string cloud = args[0].ToLowerInvariant();
        if (cloud is not ("aws" or "scf"))
        {
            error = $"unknown cloud '{args[0]}' (expected aws or scf)";
            return null;
        }

        string? bootstrap = null;
        string? eventFile = null;
        int? invokePort = null;
        string handler = "echo";
        int count = 1;
        for (int i = 1; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (i + 1 >= args.Length)
            {
                error = $"missing value after {name}";
                return null;
            }

            string value = args[++i];
            switch (name)
            {
                case "--bootstrap":
                    bootstrap = value;
                    break;
                case "--event":
                    eventFile = value;
                    break;
                case "--invoke-port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
                    {
                        error = $"--invoke-port must be a port number, not '{value}'";
                        return null;
                    }

                    invokePort = port;
                    break;
                case "--handler":
                    handler = value;
                    break;
                case "--count":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
                    {
                        error = $"--count must be a positive integer, not '{value}'";
                        return null;
                    }

                    break;
                default:
                    error = $"unknown option {name}";
                    return null;
            }
        }

        if (bootstrap is null)
        {
            error = "--bootstrap is required";
            return null;
        }

        if ((eventFile is null) == (invokePort is null))
        {
            error = "give exactly one of --event or --invoke-port";
            return null;
        }

        if (!File.Exists(bootstrap))
        {
            error = $"bootstrap not found: {bootstrap}";
            return null;
        }

        if (eventFile is not null && !File.Exists(eventFile))
        {
            error = $"event file not found: {eventFile}";
            return null;
        }

        return new CliOptions(cloud, Path.GetFullPath(bootstrap), eventFile, invokePort, handler, count);
    }
}
