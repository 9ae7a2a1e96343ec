using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Runtime.ColdStart;

/// <summary>
/// peers.png and peers.svg (ScottPlot): one group of bars per measure, one bar per subject and platform, on a log
/// scale (the subjects differ by orders of magnitude). ScottPlot has no log axis: bars are drawn at log10 of the value
/// and the ticks are labelled with the value.
/// </summary>
internal static class PeersChart
{
    private const int Width = 1600;
    private const int Height = 700;

    private static readonly (string Label, Func<PeerRow, double> Value)[] s_measures =
    {
        ("exec→ready (ms)", static r => r.ExecToReadyMs),
        ("exec→first response (ms)", static r => r.ExecToFirstResponseMs),
        ("warm p50 (µs)", static r => r.WarmP50Us),
        ("warm p99 (µs)", static r => r.WarmP99Us),
        ("RSS at end (MiB)", static r => r.RssMiB),
        ("size on disk (KiB)", static r => r.SizeBytes / 1024.0),
    };

    public static void Save(IReadOnlyList<PeerRow> rows, string pngPath, string svgPath)
    {
        var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        int subjects = rows.Count;
        double groupWidth = subjects + 1.5;
        var bars = new List<Bar>();
        for (int m = 0; m < s_measures.Length; m++)
        {
            for (int s = 0; s < subjects; s++)
            {
                double value = s_measures[m].Value(rows[s]);
                double logValue = Math.Log10(Math.Max(value, 0.1));
                bars.Add(new Bar
                {
                    Position = m * groupWidth + s,
                    Value = logValue,
                    ValueBase = -1,
                    FillColor = palette.GetColor(s),
                    Label = Format(value),
                });
            }
        }

        ScottPlot.Plottables.BarPlot barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 9;
        barPlot.ValueLabelStyle.Rotation = -90;
        barPlot.ValueLabelStyle.Alignment = Alignment.MiddleLeft;

        double[] positions = Enumerable.Range(0, s_measures.Length).Select(m => m * groupWidth + (subjects - 1) / 2.0).ToArray();
        plot.Axes.Bottom.SetTicks(positions, s_measures.Select(static m => m.Label).ToArray());
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = static y => Format(Math.Pow(10, y)),
        };
        plot.Axes.SetLimitsY(-1, Math.Ceiling(bars.Max(static b => b.Value)) + 0.6);
        plot.Axes.SetLimitsX(-1, s_measures.Length * groupWidth - 1);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.12);
        plot.Title("Peers: native echo bootstrap vs JIT, shell + curl and the Node.js midway starters (log scale, lower is better)");
        plot.YLabel("value (log scale; unit in each group's label)");
        for (int s = 0; s < subjects; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = rows[s].Label, FillColor = palette.GetColor(s) });
        }

        plot.ShowLegend(Edge.Right);
        plot.SavePng(pngPath, Width, Height);
        plot.SaveSvg(svgPath, Width, Height);
    }

    private static string Format(double value) => value switch
    {
        >= 100 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
    };
}
