using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// The response body as a <see cref="PipeWriter"/> (<c>HttpResponse.BodyWriter</c>, which minimal APIs and
/// <c>WriteAsJsonAsync</c> write through). Memory handed out comes from one pooled buffer; <see cref="Advance"/> copies
/// it into the invocation's response at once, so a flush never has anything to wait for.
/// </summary>
internal sealed class ResponseBodyPipeWriter : PipeWriter
{
    private const int MinimumSegment = 4096;

    private readonly FaaSHttpFeatures _features;
    private byte[]? _buffer;
    private bool _completed;

    public ResponseBodyPipeWriter(FaaSHttpFeatures features) => _features = features;

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => 0;

    public override void Advance(int bytes)
    {
        if ((uint)bytes > (uint)(_buffer?.Length ?? 0))
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), "Advanced past the memory handed out.");
        }
        if (bytes > 0)
        {
            _features.WriteBody(_buffer.AsSpan(0, bytes));
        }
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<FlushResult>(cancellationToken);
        }
        Task starting = _features.StartAsync();
        return starting.IsCompletedSuccessfully ? new ValueTask<FlushResult>(new FlushResult(false, false)) : AwaitStart(starting);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<FlushResult>(cancellationToken);
        }
        ThrowIfCompleted();
        ValueTask writing = _features.WriteBodyAsync(source);
        return writing.IsCompletedSuccessfully ? new ValueTask<FlushResult>(new FlushResult(false, false)) : AwaitWrite(writing);
    }

    public override void CancelPendingFlush()
    {
        // Flushes complete at once here, so there is never one pending.
    }

    public override void Complete(Exception? exception = null)
    {
        _completed = true;
        Release();
    }

    /// <summary>Returns the pooled buffer; the writer cannot be used afterwards.</summary>
    public void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Buffer(int sizeHint)
    {
        ThrowIfCompleted();
        int size = Math.Max(sizeHint, MinimumSegment);
        if (_buffer is null || _buffer.Length < size)
        {
            Release();
            _buffer = ArrayPool<byte>.Shared.Rent(size);
        }
        return _buffer;
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The response body writer was completed; nothing more can be written to it.");
        }
    }

    private static async ValueTask<FlushResult> AwaitStart(Task starting)
    {
        await starting.ConfigureAwait(false);
        return new FlushResult(false, false);
    }

    private static async ValueTask<FlushResult> AwaitWrite(ValueTask writing)
    {
        await writing.ConfigureAwait(false);
        return new FlushResult(false, false);
    }
}
