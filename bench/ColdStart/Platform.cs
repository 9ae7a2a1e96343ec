namespace Runtime.ColdStart;

/// <summary>The platforms the harness has an emulator for, in table order (see <see cref="Platforms"/> for names and models).</summary>
internal enum Platform
{
    Aws,
    Scf,
    Huawei,
    Fc,
    Azure,
    CloudRun,
    ScfWeb,
    HuaweiHttp,
}
