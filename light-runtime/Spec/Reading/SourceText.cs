using System.Collections.Generic;
using Runtime.Spec.Model;

namespace Runtime.Spec.Reading;

/// <summary>The text of f.yml with its line starts, to turn a character index into a line and column.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string text)
    {
        Text = text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    /// <summary>The 1-based line and column of the character at <paramref name="index"/>.</summary>
    public SpecLocation LocationOf(int index)
    {
        int line = _lineStarts.BinarySearch(index);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new SpecLocation(line + 1, index - _lineStarts[line] + 1);
    }
}
