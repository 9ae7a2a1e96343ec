using System;

namespace Runtime.Engine.Json;

/// <summary>
/// Takes the <c>//</c> and <c>/* */</c> comments out of a JSON text, keeping their line breaks (so every line a parser
/// reports stays where it was; a column after a block comment moves left). Not left to the parser's
/// <see cref="System.Text.Json.JsonCommentHandling.Skip"/>, and not blanked with spaces: in a native-AOT process
/// <see cref="System.Text.Json.JsonDocument"/>'s first run of more than ~64 blanks (or a skipped comment) costs ~0.2 ms
/// once (measured with the metrics layer's manifest: 0.21 ms with its two comment lines, or with them blanked, 0.016 ms
/// without them), and a layer.json is read before the function's first poll. Anything that is not a whole comment
/// outside a string is left as it is, for the parser to reject.
/// </summary>
internal static class JsonComments
{
    /// <summary>The text without its comments (their line breaks kept), or <paramref name="json"/> itself when it has none.</summary>
    public static ReadOnlyMemory<byte> Strip(ReadOnlyMemory<byte> json)
    {
        ReadOnlySpan<byte> text = json.Span;
        if (text.IndexOf((byte)'/') < 0)
        {
            return json;
        }
        byte[]? copy = null; // the text without comments so far, up to written
        int written = 0;
        int copied = 0; // text[..copied] is accounted for in copy
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            byte c = text[i];
            if (inString)
            {
                if (c == (byte)'\\')
                {
                    i++; // the escaped byte, whatever it is
                }
                else if (c == (byte)'"')
                {
                    inString = false;
                }
                continue;
            }
            if (c == (byte)'"')
            {
                inString = true;
                continue;
            }
            if (c != (byte)'/' || i + 1 >= text.Length)
            {
                continue;
            }
            int end;
            if (text[i + 1] == (byte)'/')
            {
                int newline = text[i..].IndexOfAny((byte)'\n', (byte)'\r');
                end = newline < 0 ? text.Length : i + newline;
            }
            else if (text[i + 1] == (byte)'*')
            {
                int close = text[(i + 2)..].IndexOf("*/"u8);
                if (close < 0)
                {
                    break; // unterminated: left in, for the parser to say where
                }
                end = i + 2 + close + 2;
            }
            else
            {
                continue;
            }
            copy ??= new byte[text.Length];
            text[copied..i].CopyTo(copy.AsSpan(written));
            written += i - copied;
            foreach (byte b in text[i..end])
            {
                if (b is (byte)'\n' or (byte)'\r')
                {
                    copy[written++] = b;
                }
            }
            copied = end;
            i = end - 1;
        }
        if (copy is null)
        {
            return json;
        }
        text[copied..].CopyTo(copy.AsSpan(written));
        written += text.Length - copied;
        return copy.AsMemory(0, written);
    }
}
