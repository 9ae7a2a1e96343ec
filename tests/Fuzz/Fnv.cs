using System;

namespace Runtime.Fuzz;

/// <summary>FNV-1a: a stable hash for picking split points and summarising bodies (no package needed).</summary>
internal static class Fnv
{
    public static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint hash = 2166136261;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 16777619;
        }
        return hash;
    }
}
