namespace Runtime.Spec.Generators.Output;

/// <summary>What a scalar is, which decides how it is written (a string that looks like a number is quoted; a number is not).</summary>
internal enum DocScalarKind
{
    String,
    Number,
    Boolean,
}
