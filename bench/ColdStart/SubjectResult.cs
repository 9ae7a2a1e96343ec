namespace Runtime.ColdStart;

/// <summary>Everything measured for one subject on one platform.</summary>
internal sealed class SubjectResult
{
    public string Platform { get; init; } = string.Empty;

    /// <summary><c>poll</c> or <c>server</c> (see <see cref="Platforms"/>).</summary>
    public string Model { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>Path of the executable, relative to the repository root.</summary>
    public string Executable { get; init; } = string.Empty;

    public long BinaryBytes { get; init; }

    public ColdStartResult Cold { get; init; } = new();

    public WarmResult Warm { get; init; } = new();

    public FloorComparison? VersusFloor { get; set; }

    /// <summary>A layered subject against plain echo on the same platform; null for the others.</summary>
    public EchoComparison? VersusEcho { get; set; }
}
