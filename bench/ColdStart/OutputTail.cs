using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>
/// Drains a child's output pipe and keeps its last few kilobytes, for the error message when the child fails. A
/// dedicated thread reads with blocking calls, as a platform's log collector would: everything runs on one pinned CPU,
/// so whatever the reader does after each line the subject writes lands inside that invocation's measured time, and a
/// thread-pool <c>ReadAsync</c> loop costs a work item and two thread switches per line on top of the read itself
/// (subjects that log per invocation, such as echo+metrics, paid for the harness's reader; docs/benchmarks.md, Layers).
/// </summary>
internal sealed class OutputTail
{
    private const int Capacity = 4096;

    private readonly byte[] _tail = new byte[Capacity];
    private readonly object _gate = new();
    private long _total;

    /// <summary>
    /// Zero (the default): a read is always waiting, so every write the child makes wakes this thread. Otherwise the
    /// thread sleeps this long before each read and takes whatever has piled up (harness option --drain-every).
    /// </summary>
    public static TimeSpan DrainEvery { get; set; }

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputTail(Stream stream)
    {
        var reader = new Thread(() => Drain(stream)) { IsBackground = true, Name = "output-tail" };
        reader.Start();
    }

    /// <summary>Completes at end of stream (the child and everything holding the pipe are gone).</summary>
    public Task Completion => _completion.Task;

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

    private void Drain(Stream stream)
    {
        try
        {
            byte[] buffer = new byte[16 * 1024];
            int read;
            TimeSpan pause = DrainEvery;
            while (true)
            {
                if (pause > TimeSpan.Zero)
                {
                    Thread.Sleep(pause);
                }
                read = stream.Read(buffer);
                if (read <= 0)
                {
                    break;
                }
                lock (_gate)
                {
                    for (int i = 0; i < read; i++)
                    {
                        _tail[(_total + i) % Capacity] = buffer[i];
                    }

                    _total += read;
                }
            }
            _completion.TrySetResult();
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
        }
    }
}
