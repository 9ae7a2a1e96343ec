using System;
using System.Buffers;

namespace Runtime.Light.Tests.Http;

/// <summary>Builds multi-segment sequences, to check that parsers read split input the same as whole input.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        Segment? first = null;
        Segment? last = null;
        int start = 0;
        foreach (int cut in cuts)
        {
            Append(ref first, ref last, bytes.AsMemory(start, cut - start));
            start = cut;
        }
        Append(ref first, ref last, bytes.AsMemory(start));
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>One segment per byte: the worst case for a parser.</summary>
    public static ReadOnlySequence<byte> Bytewise(byte[] bytes)
    {
        var cuts = new int[Math.Max(0, bytes.Length - 1)];
        for (int i = 0; i < cuts.Length; i++)
        {
            cuts[i] = i + 1;
        }
        return Split(bytes, cuts);
    }

    private static void Append(ref Segment? first, ref Segment? last, ReadOnlyMemory<byte> memory)
    {
        var segment = new Segment(memory, last is null ? 0 : last.RunningIndex + last.Memory.Length);
        if (last is null)
        {
            first = segment;
        }
        else
        {
            last.SetNext(segment);
        }
        last = segment;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
