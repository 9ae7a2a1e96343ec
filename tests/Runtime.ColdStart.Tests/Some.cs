using System.Collections.Generic;

namespace Runtime.ColdStart.Tests;

/// <summary>Test data.</summary>
internal static class Some
{
    public static SubjectResult Result(string platform, string subject, double readyMs, double warmP50Us) => new()
    {
        Platform = platform,
        Subject = subject,
        BinaryBytes = 1024,
        Cold = new ColdStartResult
        {
            ExecToReadyMs = new Summary { Median = readyMs },
            ExecToFirstResponseMs = new Summary { Median = readyMs + 1 },
        },
        Warm = new WarmResult { RoundTripUs = new Summary { Median = warmP50Us, P99 = warmP50Us * 3 }, RssEndKb = 2048, PeakRssKb = 4096 },
    };

    public static ColdStartReport Report(params SubjectResult[] results) => new() { Results = new List<SubjectResult>(results) };
}
