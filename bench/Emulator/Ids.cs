using System;

namespace Runtime.Emulator;

/// <summary>Generators for request ids and X-Ray trace headers.</summary>
internal static class Ids
{
    public static string NewRequestId() => Guid.NewGuid().ToString("D");

    /// <summary><c>Root=1-&lt;epoch seconds, 8 hex&gt;-&lt;24 hex&gt;;Parent=&lt;16 hex&gt;;Sampled=1</c> (X-Ray trace header format).</summary>
    public static string NewTraceId()
    {
        Span<byte> random = stackalloc byte[20];
        Random.Shared.NextBytes(random);
        uint seconds = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return string.Concat(
            "Root=1-",
            seconds.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            "-",
            Convert.ToHexStringLower(random[..12]),
            ";Parent=",
            Convert.ToHexStringLower(random[12..]),
            ";Sampled=1");
    }

    public static string NewHex32()
    {
        Span<byte> random = stackalloc byte[16];
        Random.Shared.NextBytes(random);
        return Convert.ToHexStringLower(random);
    }
}
