using Microsoft.CodeAnalysis;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>A sortable key for where a declaration is (file path, then position): the tie-break between duplicates.</summary>
internal static class DeclarationOrder
{
    public static string Of(SyntaxNode node) =>
        node.SyntaxTree.FilePath + "|" + node.SpanStart.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
