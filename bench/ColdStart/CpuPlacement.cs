using System;

namespace Runtime.ColdStart;

/// <summary>
/// Where the harness (emulator included) and the subjects run. Pinned (the default), everything shares one CPU, except
/// while server platforms are cold-started: the readiness probe then connects back to back, and it does so from a second
/// CPU so it never takes the starting subject's CPU. Its default interval (1 ms) would not do: .NET timers run on a
/// coarse clock, and on a kernel with a 4 ms tick (CONFIG_HZ=250) a 1 ms delay lasts ~4 ms, longer than a whole start.
/// </summary>
internal sealed class CpuPlacement
{
    private CpuPlacement(int? subjectCpu, int? probeCpu, bool spinProbe)
    {
        SubjectCpu = subjectCpu;
        ProbeCpu = probeCpu;
        SpinProbe = spinProbe;
    }

    /// <summary>The CPU the harness and every subject are pinned to; null when not pinned (--no-pin).</summary>
    public int? SubjectCpu { get; }

    /// <summary>Pinned, with a second CPU allowed: the harness's CPU while server platforms are cold-started.</summary>
    public int? ProbeCpu { get; }

    /// <summary>
    /// True when the server readiness probe runs with no pause between connect attempts (it has a CPU of its own, or
    /// the process is not pinned and the machine has more than one); false = the emulator's default interval.
    /// </summary>
    public bool SpinProbe { get; }

    /// <summary>The readiness probe's interval for server cold starts (null = the emulator's default).</summary>
    public TimeSpan? ColdReadyPollInterval => SpinProbe ? TimeSpan.Zero : null;

    /// <summary>Pins this process (see the class summary) or leaves it alone with <paramref name="pin"/> false.</summary>
    public static CpuPlacement Create(bool pin)
    {
        if (!pin)
        {
            return new CpuPlacement(null, null, Environment.ProcessorCount > 1);
        }

        // Both CPUs are chosen before pinning: afterwards this process may only run on the first.
        int cpu = Affinity.FirstAllowedCpu();
        int? probe = Affinity.OtherAllowedCpu(cpu);

        // Twice: a thread the runtime created while the first pass ran is caught by the second.
        Affinity.PinProcess(cpu);
        Affinity.PinProcess(cpu);
        return new CpuPlacement(cpu, probe, probe is not null);
    }

    /// <summary>Before a server platform's cold starts: the harness moves to <see cref="ProbeCpu"/> (subjects still start on <see cref="SubjectCpu"/>).</summary>
    public void EnterServerColdStarts()
    {
        if (ProbeCpu is int probe)
        {
            Affinity.PinProcess(probe);
            Affinity.PinProcess(probe);
        }
    }

    /// <summary>After them: back to <see cref="SubjectCpu"/> for everything.</summary>
    public void LeaveServerColdStarts()
    {
        if (ProbeCpu is not null && SubjectCpu is int cpu)
        {
            Affinity.PinProcess(cpu);
            Affinity.PinProcess(cpu);
        }
    }

    /// <summary>The CPU a server cold start's child must be started on (the harness being elsewhere), or null.</summary>
    public int? ServerColdChildCpu => ProbeCpu is not null ? SubjectCpu : null;
}
