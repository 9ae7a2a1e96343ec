using System;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Spec.Generators.Output;

/// <summary>
/// Writes a <see cref="DocNode"/> tree as block-style YAML: two-space indents, keys in insertion order, LF line ends,
/// a trailing newline, strings quoted by <see cref="YamlQuoting"/>. Deterministic: the same tree gives the same bytes.
/// </summary>
internal static class YamlEmitter
{
    /// <summary>One document, after optional <c># </c> comment lines.</summary>
    public static string Write(DocNode root, IReadOnlyList<string>? headerComments = null) => WriteDocuments([root], headerComments);

    /// <summary>Several documents separated by <c>---</c> lines (a multi-resource Kubernetes manifest).</summary>
    public static string WriteDocuments(IReadOnlyList<DocNode> documents, IReadOnlyList<string>? headerComments = null)
    {
        var output = new StringBuilder();
        if (headerComments is not null)
        {
            foreach (string comment in headerComments)
            {
                if (comment.Contains('\n', StringComparison.Ordinal))
                {
                    throw new ArgumentException("A comment line cannot hold a line break.", nameof(headerComments));
                }
                output.Append("# ").Append(comment).Append('\n');
            }
        }
        for (int i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                output.Append("---\n");
            }
            WriteTop(output, documents[i]);
        }
        return output.ToString();
    }

    private static void WriteTop(StringBuilder output, DocNode node)
    {
        switch (node)
        {
            case DocMap map when map.Count > 0:
                WriteMap(output, map, "", 0);
                break;
            case DocList list when list.Items.Count > 0:
                WriteList(output, list, 0);
                break;
            default:
                output.Append(Inline(node)).Append('\n');
                break;
        }
    }

    /// <summary>Writes a non-empty map; <paramref name="firstPrefix"/> goes before the first key (indent, or "- " in a list).</summary>
    private static void WriteMap(StringBuilder output, DocMap map, string firstPrefix, int indent)
    {
        string pad = new(' ', indent);
        bool first = true;
        foreach (KeyValuePair<string, DocNode> entry in map.Entries)
        {
            output.Append(first ? firstPrefix : pad).Append(YamlQuoting.String(entry.Key)).Append(':');
            first = false;
            switch (entry.Value)
            {
                case DocMap child when child.Count > 0:
                    output.Append('\n');
                    WriteMap(output, child, new string(' ', indent + 2), indent + 2);
                    break;
                case DocList child when child.Items.Count > 0:
                    output.Append('\n');
                    WriteList(output, child, indent + 2);
                    break;
                default:
                    output.Append(' ').Append(Inline(entry.Value)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteList(StringBuilder output, DocList list, int indent)
    {
        string pad = new(' ', indent);
        foreach (DocNode item in list.Items)
        {
            switch (item)
            {
                case DocMap map when map.Count > 0:
                    WriteMap(output, map, pad + "- ", indent + 2);
                    break;
                case DocList child when child.Items.Count > 0:
                    output.Append(pad).Append("-\n");
                    WriteList(output, child, indent + 2);
                    break;
                default:
                    output.Append(pad).Append("- ").Append(Inline(item)).Append('\n');
                    break;
            }
        }
    }

    private static string Inline(DocNode node) => node switch
    {
        DocScalar scalar => YamlQuoting.Scalar(scalar),
        DocMap => "{}",
        DocList => "[]",
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown node."),
    };
}
