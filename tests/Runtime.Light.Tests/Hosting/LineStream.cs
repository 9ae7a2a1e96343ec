using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Runtime.Light.Tests.Hosting;

/// <summary>A write-only stream that keeps what the runtime logs, as lines (the runtime writes one line per write).</summary>
internal sealed class LineStream : Stream
{
    private readonly List<string> _lines = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public string Text => string.Join('\n', Lines);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        string text = Encoding.UTF8.GetString(buffer).TrimEnd('\n');
        lock (_lines)
        {
            _lines.Add(text);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
