using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Runtime.ServerStart;

/// <summary>
/// Starts each subject (a server binary that listens on 127.0.0.1:$PORT) many times, interleaved, pinned to one CPU
/// (the affinity <c>taskset -c CPU</c> would set, given at spawn: see <see cref="Spawn"/>), and times from just before
/// the spawn: the first TCP connect that succeeds (the port is listening and the kernel accepted the handshake) and the
/// first complete answer to <c>GET /</c>. Then it sends the rest of 1,000 requests on that keep-alive connection and
/// reads VmRSS / VmHWM from /proc. Run the harness on another CPU (<c>taskset -c 1 dotnet ...</c>): it spins on
/// connect until the port opens, and must not share the subject's CPU.
/// Usage: serverstart [--runs 30] [--cpu 0] [--requests 1000] name=/path/to/binary ...
/// </summary>
internal static class Program
{
    private static readonly byte[] s_get = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    private static int Main(string[] args)
    {
        int runs = 30;
        string cpu = "0";
        int requests = 1000;
        var subjects = new List<(string Name, string Path)>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--cpu": cpu = args[++i]; break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    int eq = args[i].IndexOf('=', StringComparison.Ordinal);
                    subjects.Add((args[i][..eq], Path.GetFullPath(args[i][(eq + 1)..])));
                    break;
            }
        }
        if (subjects.Count == 0)
        {
            Console.Error.WriteLine("usage: serverstart [--runs 30] [--cpu 0] [--requests 1000] name=/path/to/binary ...");
            return 2;
        }

        var samples = subjects.ToDictionary(s => s.Name, _ => new List<Sample>());
        // One warm-up start each (page cache), not recorded.
        foreach ((string name, string path) in subjects)
        {
            Measure(path, cpu, requests);
        }
        for (int run = 0; run < runs; run++)
        {
            // Interleaved, and the order flips every run so neither subject always follows the other.
            IEnumerable<(string Name, string Path)> order = run % 2 == 0 ? subjects : Enumerable.Reverse(subjects);
            foreach ((string name, string path) in order)
            {
                samples[name].Add(Measure(path, cpu, requests));
            }
        }

        Console.WriteLine($"{runs} runs each, interleaved; subject pinned to CPU {cpu}; {requests} requests on one keep-alive connection.");
        Console.WriteLine();
        Console.WriteLine("| subject | binary MiB | spawn→connect accepted ms median / p90 | spawn→first answer ms median / p90 | RSS MiB after " + requests + " requests median (peak VmHWM) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach ((string name, string path) in subjects)
        {
            List<Sample> s = samples[name];
            double size = new FileInfo(path).Length / 1048576.0;
            Console.WriteLine(FormattableString.Invariant(
                $"| {name} | {size:F2} | {Median(s.Select(x => x.ConnectMs)):F2} / {P90(s.Select(x => x.ConnectMs)):F2} | {Median(s.Select(x => x.AnswerMs)):F2} / {P90(s.Select(x => x.AnswerMs)):F2} | {Median(s.Select(x => x.RssKb)) / 1024:F1} ({Median(s.Select(x => x.HwmKb)) / 1024:F1}) |"));
        }
        return 0;
    }

    private static Sample Measure(string path, string cpu, int requests)
    {
        int port = FreePort();
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        string[] environment = { "PORT=" + port.ToString(CultureInfo.InvariantCulture), "PATH=" + Environment.GetEnvironmentVariable("PATH") };
        // The child starts in its own publish folder, as on a platform (it inherits the working directory). This
        // matters: Kestrel's builder takes the working directory as its content root, reads appsettings*.json there
        // and watches it for changes; started from the repository root it took ~20 ms instead of ~14 ms.
        Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
        long t0 = Stopwatch.GetTimestamp();
        int pid = Spawn.Start(path, cpu, environment);
        try
        {
            Socket socket = ConnectWhenListening(endPoint, pid, t0);
            long connected = Stopwatch.GetTimestamp();
            using (socket)
            {
                Exchange(socket);
                long answered = Stopwatch.GetTimestamp();
                for (int i = 1; i < requests; i++)
                {
                    Exchange(socket);
                }
                (long rss, long hwm, string cpus) = Status(pid);
                if (cpus != cpu)
                {
                    throw new InvalidOperationException("the subject runs on CPUs " + cpus + ", not " + cpu);
                }
                return new Sample(Ms(t0, connected), Ms(t0, answered), rss, hwm);
            }
        }
        finally
        {
            Spawn.Stop(pid);
        }
    }

    private static Socket ConnectWhenListening(IPEndPoint endPoint, int pid, long t0)
    {
        while (true)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Connect(endPoint);
                return socket;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
            {
                socket.Dispose();
                if (Spawn.HasExited(pid) || Stopwatch.GetElapsedTime(t0) > TimeSpan.FromSeconds(20))
                {
                    throw new InvalidOperationException("the subject never listened", ex);
                }
            }
        }
    }

    /// <summary>Sends GET / and reads one response framed by Content-Length; it must be 200 "ok".</summary>
    private static void Exchange(Socket socket)
    {
        socket.Send(s_get);
        var buffer = new byte[4096];
        int length = 0;
        int headEnd;
        while ((headEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            length += Receive(socket, buffer.AsSpan(length));
        }
        string head = Encoding.ASCII.GetString(buffer, 0, headEnd);
        if (!head.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("unexpected answer: " + head);
        }
        int bodyLength = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l.AsSpan(15).Trim(), CultureInfo.InvariantCulture)).Single();
        while (length < headEnd + 4 + bodyLength)
        {
            length += Receive(socket, buffer.AsSpan(length));
        }
        if (length != headEnd + 4 + bodyLength || !buffer.AsSpan(headEnd + 4, bodyLength).SequenceEqual("ok"u8))
        {
            throw new InvalidOperationException("unexpected body");
        }
    }

    private static int Receive(Socket socket, Span<byte> into)
    {
        int received = socket.Receive(into);
        return received > 0 ? received : throw new InvalidOperationException("the subject closed the connection");
    }

    private static (long RssKb, long HwmKb, string Cpus) Status(int pid)
    {
        long rss = 0;
        long hwm = 0;
        string cpus = "?";
        foreach (string line in File.ReadLines("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = long.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
            {
                cpus = line[18..].Trim();
            }
        }
        return (rss, hwm, cpus);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    private static double P90(IEnumerable<double> values) => Percentile(values, 0.9);

    /// <summary>Linear interpolation between closest ranks (as bench/ColdStart reports).</summary>
    private static double Percentile(IEnumerable<double> values, double p)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        double rank = p * (sorted.Length - 1);
        int low = (int)Math.Floor(rank);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    private readonly record struct Sample(double ConnectMs, double AnswerMs, double RssKb, double HwmKb);
}
