using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// The request body as a read-only, seekable stream over the bytes the trigger carried (no copy). Seekable, so
/// <c>EnableBuffering</c> and repeated reads cost nothing extra.
/// </summary>
internal sealed class RequestBodyStream : Stream
{
    private readonly ReadOnlyMemory<byte> _body;
    private int _position;

    public RequestBodyStream(ReadOnlyMemory<byte> body) => _body = body;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _body.Length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = (int)Math.Min(value, _body.Length);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ReadOnlySpan<byte> left = _body.Span[_position..];
        int n = Math.Min(left.Length, buffer.Length);
        left[..n].CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int ReadByte() => _position < _body.Length ? _body.Span[_position++] : -1;

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<int>(cancellationToken) : Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new ValueTask<int>(Read(buffer.Span));

    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ReadOnlyMemory<byte> left = _body[_position..];
        _position = _body.Length;
        await destination.WriteAsync(left, cancellationToken).ConfigureAwait(false);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _body.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        Position = target;
        return _position;
    }

    public override void Flush()
    {
        // Read-only: nothing to flush.
    }

    public override void SetLength(long value) => throw new NotSupportedException("The request body is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The request body is read-only.");
}
