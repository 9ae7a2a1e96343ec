using System.Collections.Generic;

namespace EndToEnd.Tests;

/// <summary>Environment for a server-model bootstrap in a test: the platform's variables, loopback only, and the function.</summary>
internal static class ServerEnvironment
{
    public static Dictionary<string, string> For(IReadOnlyDictionary<string, string> platform, string handler, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(platform)
        {
            ["FAAS_BIND_ADDRESS"] = "127.0.0.1", // tests never listen beyond loopback
            ["FAAS_HANDLER"] = handler,
        };
        foreach ((string key, string value) in extra)
        {
            environment[key] = value;
        }
        return environment;
    }
}
