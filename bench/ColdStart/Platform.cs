namespace Runtime.ColdStart;

/// <summary>The poll-model platforms the harness has an emulator for.</summary>
internal enum Platform
{
    Aws,
    Scf,
}
