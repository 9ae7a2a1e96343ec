using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Layers.AspNetCore;

/// <summary>The response body as a write-only stream (<c>HttpResponse.Body</c>) appending to the invocation's response.</summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly FaaSHttpFeatures _features;

    public ResponseBodyStream(FaaSHttpFeatures features) => _features = features;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException("The response body stream cannot tell its length.");

    public override long Position
    {
        get => throw new NotSupportedException("The response body stream cannot seek.");
        set => throw new NotSupportedException("The response body stream cannot seek.");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_features.AllowSynchronousIO)
        {
            throw new InvalidOperationException("Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");
        }
        _features.WriteBody(buffer);
    }

    public override void WriteByte(byte value) => Write(new ReadOnlySpan<byte>(in value));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled(cancellationToken) : _features.WriteBodyAsync(buffer);

    public override void Flush()
    {
        // Nothing is buffered here; a synchronous flush cannot run the (asynchronous) OnStarting callbacks, so the
        // response starts at the next asynchronous write or flush, or at the end.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : _features.StartAsync();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The response body stream is write-only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The response body stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("The response body stream cannot seek.");
}
