using System.Globalization;

namespace Runtime.Spec.Generators.Output;

/// <summary>A string, number or boolean, with its text as it is written.</summary>
internal sealed class DocScalar : DocNode
{
    private DocScalar(string text, DocScalarKind kind)
    {
        Text = text;
        Kind = kind;
    }

    public string Text { get; }

    public DocScalarKind Kind { get; }

    public static DocScalar String(string value) => new(value, DocScalarKind.String);

    public static DocScalar Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), DocScalarKind.Number);

    public static DocScalar Boolean(bool value) => new(value ? "true" : "false", DocScalarKind.Boolean);
}
