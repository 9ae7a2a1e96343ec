using System;
using System.Globalization;
using System.IO;

namespace Runtime.ColdStart;

/// <summary>
/// A text progress bar over the whole run (cold starts and warm runs), one line per step on the progress writer
/// (stderr), so it reads the same in a terminal and in a log.
/// </summary>
internal sealed class ProgressBar
{
    private const int Width = 30;

    private readonly TextWriter _writer;
    private readonly int _total;
    private int _done;

    public ProgressBar(TextWriter writer, int total)
    {
        _writer = writer;
        _total = Math.Max(1, total);
    }

    /// <summary>Counts <paramref name="steps"/> more as done and draws the bar with <paramref name="what"/>.</summary>
    public void Advance(int steps, string what)
    {
        _done = Math.Min(_total, _done + steps);
        _writer.WriteLine(Render(_done, _total, what));
    }

    /// <summary><c>[#########.....................]  30% 12/40 what</c></summary>
    public static string Render(int done, int total, string what)
    {
        int filled = total <= 0 ? Width : (int)((long)done * Width / total);
        int percent = total <= 0 ? 100 : (int)((long)done * 100 / total);
        return "[" + new string('#', filled) + new string('.', Width - filled) + "] "
            + percent.ToString(CultureInfo.InvariantCulture).PadLeft(3) + "% "
            + done.ToString(CultureInfo.InvariantCulture) + "/" + total.ToString(CultureInfo.InvariantCulture) + " " + what;
    }
}
