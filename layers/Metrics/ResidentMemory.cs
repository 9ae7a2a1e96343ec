using System;
using System.Buffers.Text;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace Runtime.Layers.Metrics;

/// <summary>
/// The process's resident set in bytes, read from <c>/proc/self/statm</c> through a handle opened once: one
/// <c>pread</c> and a parse of two numbers per reading. <see cref="Environment.WorkingSet"/> gives the same figure but
/// opens, reads and parses <c>/proc/self/status</c> on every call, which cost the metrics layer ~20 µs an invocation
/// (docs/benchmarks.md, Layers). Falls back to <see cref="Environment.WorkingSet"/> where there is no statm.
/// </summary>
internal sealed class ResidentMemory : IDisposable
{
    private readonly SafeFileHandle? _statm;
    private readonly long _pageSize = Environment.SystemPageSize;

    public ResidentMemory()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _statm = File.OpenHandle("/proc/self/statm");
            }
            catch (IOException)
            {
                _statm = null; // no procfs mounted: Read falls back to Environment.WorkingSet
            }
            catch (UnauthorizedAccessException)
            {
                _statm = null;
            }
        }
    }

    /// <summary>Resident bytes now.</summary>
    public long Read()
    {
        if (_statm is null)
        {
            return Environment.WorkingSet;
        }
        // "size resident shared text lib data dt", in pages; a few dozen bytes.
        Span<byte> line = stackalloc byte[128];
        int length = RandomAccess.Read(_statm, line, fileOffset: 0);
        return TryParseResidentPages(line[..length], out long pages) ? pages * _pageSize : Environment.WorkingSet;
    }

    /// <summary>The second field of a statm line.</summary>
    internal static bool TryParseResidentPages(ReadOnlySpan<byte> statm, out long pages)
    {
        pages = 0;
        int space = statm.IndexOf((byte)' ');
        return space > 0 && Utf8Parser.TryParse(statm[(space + 1)..], out pages, out int consumed) && consumed > 0;
    }

    public void Dispose() => _statm?.Dispose();
}
