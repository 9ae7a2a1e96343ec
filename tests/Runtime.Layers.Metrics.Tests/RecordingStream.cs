using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace Runtime.Layers.Metrics.Tests;

/// <summary>
/// A write-only stream that keeps every write as its own chunk, and notices two writes running at once (each
/// write lingers a little, so an unlocked writer would be caught overlapping).
/// </summary>
internal sealed class RecordingStream : Stream
{
    private readonly List<byte[]> _writes = new();
    private int _writing;
    private int _overlaps;

    public int Overlaps => Volatile.Read(ref _overlaps);

    public IReadOnlyList<string> Writes
    {
        get
        {
            lock (_writes)
            {
                return _writes.ConvertAll(static w => Encoding.UTF8.GetString(w));
            }
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Interlocked.Increment(ref _writing) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }
        Thread.SpinWait(2_000);
        byte[] copy = buffer.ToArray();
        lock (_writes)
        {
            _writes.Add(copy);
        }
        Interlocked.Decrement(ref _writing);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
