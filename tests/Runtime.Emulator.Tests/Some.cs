using System;
using System.Globalization;

namespace Runtime.Emulator.Tests;

/// <summary>Test data.</summary>
internal static class Some
{
    /// <summary>Upper bound for any single wait in a test (never a sleep).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static string RequestId() => Guid.NewGuid().ToString("D");

    public static string Event(int n) => string.Create(CultureInfo.InvariantCulture, $$"""{"n":{{n}},"text":"héllo"}""");

    public static byte[] Bytes(int length, byte value = (byte)'x')
    {
        byte[] bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
