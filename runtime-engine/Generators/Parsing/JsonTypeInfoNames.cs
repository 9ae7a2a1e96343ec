using System.Text;
using Microsoft.CodeAnalysis;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>
/// The name System.Text.Json's source generator gives the <c>JsonTypeInfo&lt;T&gt;</c> property of a type on a
/// context, when <c>TypeInfoPropertyName</c> does not set one: the type's own name; for a generic type the name
/// followed by the names of every type argument in scope (containing types' first); for an array the element's name
/// followed by <c>Array</c> (<c>Array2D</c>, ... for higher ranks). So <c>List&lt;Order&gt;</c> is <c>ListOrder</c>,
/// <c>int?</c> is <c>NullableInt32</c> and <c>Order[]</c> is <c>OrderArray</c>. (This generator cannot see the other
/// generator's output, so it computes the name the same way; the tests compile both together to keep them in step.)
/// </summary>
internal static class JsonTypeInfoNames
{
    public static string PropertyName(ITypeSymbol type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            Append(builder, array.ElementType);
            builder.Append("Array");
            if (array.Rank > 1)
            {
                builder.Append(array.Rank).Append('D');
            }
            return;
        }
        builder.Append(type.Name);
        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            AppendTypeArgumentsInScope(builder, named);
        }
    }

    private static void AppendTypeArgumentsInScope(StringBuilder builder, INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            AppendTypeArgumentsInScope(builder, outer);
        }
        foreach (ITypeSymbol argument in type.TypeArguments)
        {
            Append(builder, argument);
        }
    }
}
