namespace Runtime.Spec.Generators;

/// <summary>One file a generator wrote: its path relative to the output folder (with <c>/</c>) and its whole text (LF line ends).</summary>
internal sealed record GeneratedFile(string Path, string Content);
