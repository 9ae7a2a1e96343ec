using System.Text;

namespace Runtime.Emulator;

/// <summary>What came back on a raw connection (see <see cref="IServerPlatformEmulator.SendRawAsync"/>).</summary>
public sealed class RawExchangeResult
{
    internal RawExchangeResult(byte[] bytes, RawExchangeEnd end)
    {
        Bytes = bytes;
        End = end;
    }

    /// <summary>Every byte the server sent, exactly.</summary>
    public byte[] Bytes { get; }

    /// <summary><see cref="Bytes"/> decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>Why reading stopped.</summary>
    public RawExchangeEnd End { get; }
}
