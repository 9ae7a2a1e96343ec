namespace Runtime.Engine.Generators;

/// <summary>Names of the pipeline's steps, so tests can check that an unrelated edit leaves them cached.</summary>
internal static class TrackingNames
{
    public const string Functions = nameof(Functions);

    public const string Initializers = nameof(Initializers);

    public const string Services = nameof(Services);

    public const string Plan = nameof(Plan);
}
