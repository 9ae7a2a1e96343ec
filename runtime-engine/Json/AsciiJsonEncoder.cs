using System;
using System.Text.Encodings.Web;

namespace Runtime.Engine.Json;

/// <summary>
/// A <see cref="JavaScriptEncoder"/> that escapes what JSON requires (control characters, <c>"</c> and <c>\</c>) and every
/// character outside printable ASCII, each as <c>\uXXXX</c>; everything else is written as is. The output is plain ASCII
/// JSON that any reader decodes to the same strings as the inbox encoders' output.
/// </summary>
/// <remarks>
/// Why not the inbox encoders: each builds a table of allowed code points the first time it is used in a process
/// (<see cref="JavaScriptEncoder.Default"/> ~0.18 ms, <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> more), and
/// a native layer library starts its own runtime inside the function's cold start, so that first write lands on it
/// (measured with perf on a layer's init; docs/benchmarks.md, Layers). This encoder has no table to build.
/// </remarks>
public sealed class AsciiJsonEncoder : JavaScriptEncoder
{
    /// <summary>The one instance.</summary>
    public static AsciiJsonEncoder Instance { get; } = new();

    private AsciiJsonEncoder()
    {
    }

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 12; // a supplementary character: two \uXXXX

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\' or >= 0x7F;

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (c is < (char)0x20 or '"' or '\\' or >= (char)0x7F)
            {
                return i;
            }
        }
        return -1;
    }

    /// <inheritdoc />
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        for (int i = 0; i < utf8Text.Length; i++)
        {
            byte b = utf8Text[i];
            if (b is < 0x20 or (byte)'"' or (byte)'\\' or >= 0x7F)
            {
                return i;
            }
        }
        return -1;
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            if (destination.IsEmpty)
            {
                numberOfCharactersWritten = 0;
                return false;
            }
            destination[0] = (char)unicodeScalar;
            numberOfCharactersWritten = 1;
            return true;
        }
        if (unicodeScalar <= 0xFFFF)
        {
            return TryWriteEscape(destination, unicodeScalar, out numberOfCharactersWritten);
        }
        int offset = unicodeScalar - 0x10000;
        if (destination.Length < 12
            || !TryWriteEscape(destination, 0xD800 + (offset >> 10), out _)
            || !TryWriteEscape(destination[6..], 0xDC00 + (offset & 0x3FF), out _))
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        numberOfCharactersWritten = 12;
        return true;
    }

    private static bool TryWriteEscape(Span<char> destination, int value, out int written)
    {
        if (destination.Length < 6)
        {
            written = 0;
            return false;
        }
        const string hex = "0123456789ABCDEF";
        destination[0] = '\\';
        destination[1] = 'u';
        destination[2] = hex[(value >> 12) & 0xF];
        destination[3] = hex[(value >> 8) & 0xF];
        destination[4] = hex[(value >> 4) & 0xF];
        destination[5] = hex[value & 0xF];
        written = 6;
        return true;
    }
}
