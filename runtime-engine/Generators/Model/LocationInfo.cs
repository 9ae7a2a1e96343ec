using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Runtime.Engine.Generators.Model;

/// <summary>
/// A source location kept as plain values: a <see cref="Location"/> holds its syntax tree, which would keep old
/// compilations alive and defeat the pipeline's caching.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is { SourceTree: not null }
            ? new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
