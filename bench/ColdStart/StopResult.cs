namespace Runtime.ColdStart;

/// <summary>How a child ended after SIGTERM: its exit code, how long it took, and whether it had to be killed.</summary>
internal readonly record struct StopResult(int ExitCode, double ElapsedMs, bool Killed);
