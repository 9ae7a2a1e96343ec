using System;
using System.Diagnostics;

namespace Runtime.Emulator;

/// <summary>When a bootstrap became ready, as a server-model platform sees it.</summary>
public sealed class ReadyInfo
{
    internal ReadyInfo(long startedTimestamp, long firstAcceptedTimestamp, int connectAttempts, ReceivedResponse firstResponse)
    {
        StartedTimestamp = startedTimestamp;
        FirstAcceptedTimestamp = firstAcceptedTimestamp;
        ConnectAttempts = connectAttempts;
        FirstResponse = firstResponse;
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when <c>WaitForReadyAsync</c> started.</summary>
    public long StartedTimestamp { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when a TCP connect first succeeded.</summary>
    public long FirstAcceptedTimestamp { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the first HTTP response had been read completely.</summary>
    public long FirstResponseTimestamp => FirstResponse.Timestamp;

    /// <summary>TCP connect attempts made (refused ones included).</summary>
    public int ConnectAttempts { get; }

    /// <summary>The platform's first request and the bootstrap's answer to it.</summary>
    public ReceivedResponse FirstResponse { get; }

    /// <summary>From <see cref="StartedTimestamp"/> to <see cref="FirstAcceptedTimestamp"/>.</summary>
    public TimeSpan UntilAccepted => Stopwatch.GetElapsedTime(StartedTimestamp, FirstAcceptedTimestamp);

    /// <summary>From <see cref="FirstAcceptedTimestamp"/> to <see cref="FirstResponseTimestamp"/>.</summary>
    public TimeSpan AcceptedToFirstResponse => Stopwatch.GetElapsedTime(FirstAcceptedTimestamp, FirstResponseTimestamp);
}
