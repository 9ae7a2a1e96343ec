using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>Drains a child's output pipe and keeps its last few kilobytes, for the error message when the child fails.</summary>
internal sealed class OutputTail
{
    private const int Capacity = 4096;

    private readonly byte[] _tail = new byte[Capacity];
    private readonly object _gate = new();
    private long _total;

    public OutputTail(Stream stream) => Completion = DrainAsync(stream);

    /// <summary>Completes at end of stream (the child and everything holding the pipe are gone).</summary>
    public Task Completion { get; }

    public override string ToString()
    {
        lock (_gate)
        {
            int length = (int)Math.Min(_total, Capacity);
            int start = (int)((_total - length) % Capacity);
            var bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = _tail[(start + i) % Capacity];
            }

            return Encoding.UTF8.GetString(bytes);
        }
    }

    private async Task DrainAsync(Stream stream)
    {
        byte[] buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (_gate)
            {
                for (int i = 0; i < read; i++)
                {
                    _tail[(_total + i) % Capacity] = buffer[i];
                }

                _total += read;
            }
        }
    }
}
