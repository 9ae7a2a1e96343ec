using System;
using System.Collections.Generic;
using Runtime.Engine;

namespace Runtime.Layers.Metrics.Tests;

/// <summary>Test data.</summary>
internal static class Some
{
    public const string Aws = "aws-lambda";

    public static FunctionInfo Function(string platform = Aws) => new("orders-fn", "$LATEST", 128, null, platform);

    public static Dictionary<string, string> Env(params (string Name, string Value)[] pairs)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in pairs)
        {
            env[name] = value;
        }
        return env;
    }

    /// <summary>N dimensions d1=v1,d2=v2,...</summary>
    public static string Dimensions(int count)
    {
        var pairs = new string[count];
        for (int i = 0; i < count; i++)
        {
            pairs[i] = $"d{i + 1}=v{i + 1}";
        }
        return string.Join(",", pairs);
    }
}
