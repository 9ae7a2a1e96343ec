using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Runtime.Spec.Generators.Output;

/// <summary>Writes a <see cref="DocNode"/> tree as indented JSON (two spaces, LF, trailing newline), keys in insertion order.</summary>
internal static class JsonEmitter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Files for people and tools, never embedded in HTML: keep '+', '<', '&' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DocNode root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            WriteNode(writer, root);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNode(Utf8JsonWriter writer, DocNode node)
    {
        switch (node)
        {
            case DocMap map:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, DocNode> entry in map.Entries)
                {
                    writer.WritePropertyName(entry.Key);
                    WriteNode(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case DocList list:
                writer.WriteStartArray();
                foreach (DocNode item in list.Items)
                {
                    WriteNode(writer, item);
                }
                writer.WriteEndArray();
                break;
            case DocScalar { Kind: DocScalarKind.String } scalar:
                writer.WriteStringValue(scalar.Text);
                break;
            case DocScalar { Kind: DocScalarKind.Boolean } scalar:
                writer.WriteBooleanValue(scalar.Text == "true");
                break;
            case DocScalar scalar:
                writer.WriteRawValue(scalar.Text, skipInputValidation: false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown node.");
        }
    }
}
