using System;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Fuzz;

/// <summary>
/// AFL-style havoc without coverage feedback, for the in-process short run: picks a corpus input and stacks one to
/// eight mutations (bit flips, interesting bytes, inserts, deletes, duplicated runs, dictionary tokens, splices
/// with another corpus input). Seeded, so a run can be repeated exactly.
/// </summary>
internal sealed class Mutator
{
    private const int MaxLength = 64 * 1024;

    private static readonly byte[] s_interesting = { 0, 1, 9, 10, 13, 32, (byte)'"', (byte)'%', (byte)',', (byte)'/', (byte)'0', (byte)'9', (byte)':',
        (byte)';', (byte)'=', (byte)'?', (byte)'F', (byte)'[', (byte)'\\', (byte)'{', (byte)'}', 0x7F, 0x80, 0xC3, 0xED, 0xEF, 0xFF };

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _corpus;
    private readonly byte[][] _dictionary;

    public Mutator(int seed, IReadOnlyList<byte[]> corpus, string[] dictionary)
    {
        _random = new Random(seed);
        _corpus = corpus.Count > 0 ? corpus : new[] { Array.Empty<byte>() };
        _dictionary = Array.ConvertAll(dictionary, token => Encoding.UTF8.GetBytes(token));
    }

    public byte[] Next()
    {
        var data = new List<byte>(_corpus[_random.Next(_corpus.Count)]);
        int count = 1 << _random.Next(4);
        for (int i = 0; i < count; i++)
        {
            Mutate(data);
        }
        if (data.Count > MaxLength)
        {
            data.RemoveRange(MaxLength, data.Count - MaxLength);
        }
        return data.ToArray();
    }

    private void Mutate(List<byte> data)
    {
        int at = _random.Next(data.Count + 1);
        switch (_random.Next(data.Count == 0 ? 3 : 9))
        {
            case 0:
                data.InsertRange(at, _dictionary[_random.Next(_dictionary.Length)]);
                break;
            case 1:
                data.Insert(at, s_interesting[_random.Next(s_interesting.Length)]);
                break;
            case 2:
                byte[] other = _corpus[_random.Next(_corpus.Count)];
                int from = _random.Next(other.Length + 1);
                data.InsertRange(at, other.AsSpan(from, _random.Next(other.Length - from + 1)).ToArray());
                break;
            case 3:
                int bit = _random.Next(data.Count * 8);
                data[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 4:
                data[_random.Next(data.Count)] = s_interesting[_random.Next(s_interesting.Length)];
                break;
            case 5:
                data[_random.Next(data.Count)] = (byte)_random.Next(256);
                break;
            case 6:
                int start = _random.Next(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + _random.Next(16)));
                break;
            case 7:
                int runStart = _random.Next(data.Count);
                int runLength = Math.Min(data.Count - runStart, 1 + _random.Next(32));
                byte[] run = data.GetRange(runStart, runLength).ToArray();
                for (int repeat = 1 << _random.Next(8); repeat > 0; repeat--)
                {
                    data.InsertRange(at, run);
                }
                break;
            default:
                // Overwrite with a token: keeps the length, which keeps Content-Length and JSON shapes plausible.
                byte[] token = _dictionary[_random.Next(_dictionary.Length)];
                int to = Math.Min(data.Count, _random.Next(data.Count) + token.Length);
                data.RemoveRange(to - Math.Min(token.Length, to), Math.Min(token.Length, to));
                data.InsertRange(to - Math.Min(token.Length, to), token);
                break;
        }
    }
}
