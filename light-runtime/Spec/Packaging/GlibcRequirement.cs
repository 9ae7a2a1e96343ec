using System;
using System.Collections.Generic;
using System.Globalization;

namespace Runtime.Spec.Packaging;

/// <summary>A glibc symbol version an executable needs (<c>GLIBC_2.34</c> is 2.34), comparable numerically.</summary>
public readonly record struct GlibcVersion(int Major, int Minor) : IComparable<GlibcVersion>
{
    /// <summary>Parses <c>2.34</c> or <c>GLIBC_2.34</c>; false for anything else (e.g. <c>GLIBC_PRIVATE</c>).</summary>
    public static bool TryParse(string text, out GlibcVersion version)
    {
        version = default;
        ReadOnlySpan<char> span = text.AsSpan();
        if (span.StartsWith("GLIBC_", StringComparison.Ordinal))
        {
            span = span[6..];
        }
        int dot = span.IndexOf('.');
        if (dot <= 0)
        {
            return false;
        }
        ReadOnlySpan<char> minorText = span[(dot + 1)..];
        int secondDot = minorText.IndexOf('.');
        if (secondDot >= 0)
        {
            // GLIBC_2.2.5: the third component never decides against a target's minor version.
            minorText = minorText[..secondDot];
        }
        if (!int.TryParse(span[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            || !int.TryParse(minorText, NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
        {
            return false;
        }
        version = new GlibcVersion(major, minor);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(GlibcVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Whether this is newer than <paramref name="other"/>.</summary>
    public static bool operator >(GlibcVersion left, GlibcVersion right) => left.CompareTo(right) > 0;

    /// <summary>Whether this is older than <paramref name="other"/>.</summary>
    public static bool operator <(GlibcVersion left, GlibcVersion right) => left.CompareTo(right) < 0;

    /// <summary>Whether this is newer than or equal to <paramref name="other"/>.</summary>
    public static bool operator >=(GlibcVersion left, GlibcVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Whether this is older than or equal to <paramref name="other"/>.</summary>
    public static bool operator <=(GlibcVersion left, GlibcVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}";
}
