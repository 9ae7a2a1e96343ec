using System;

namespace Runtime.Emulator;

/// <summary>
/// How slowly a caller's connection writes and reads (the slow-sender and slow-reader fault modes of
/// <see cref="CallerOptions"/>); a piece size of 0 leaves that direction at full speed.
/// </summary>
internal sealed record WirePacing(int SendPieceBytes, TimeSpan SendPause, int ReadPieceBytes, TimeSpan ReadPause)
{
    /// <summary>The pacing <paramref name="options"/> ask for; null when they ask for none.</summary>
    public static WirePacing? From(CallerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.SendPieceBytes, nameof(options.SendPieceBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReadPieceBytes, nameof(options.ReadPieceBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SendPause, TimeSpan.Zero, nameof(options.SendPause));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadPause, TimeSpan.Zero, nameof(options.ReadPause));
        return options.SendPieceBytes == 0 && options.ReadPieceBytes == 0
            ? null
            : new WirePacing(options.SendPieceBytes, options.SendPause, options.ReadPieceBytes, options.ReadPause);
    }
}
