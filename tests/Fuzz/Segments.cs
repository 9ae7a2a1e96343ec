using System;
using System.Buffers;

namespace Runtime.Fuzz;

/// <summary>Builds a two-segment <see cref="ReadOnlySequence{T}"/>, as a socket read split in the middle gives.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, int at)
    {
        // Copies, so that reading past a segment's end cannot find the next bytes by accident.
        var first = new Segments(bytes.AsSpan(0, at).ToArray(), 0);
        var second = new Segments(bytes.AsSpan(at).ToArray(), at);
        first.Next = second;
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }
}
