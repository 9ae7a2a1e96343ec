namespace Runtime.Engine.Generators.Model;

/// <summary>Whether a function class is disposable, and how.</summary>
internal enum DisposeKind
{
    /// <summary>Not disposable.</summary>
    None,

    /// <summary><c>IDisposable</c> only.</summary>
    Dispose,

    /// <summary><c>IAsyncDisposable</c> (preferred when it is both).</summary>
    DisposeAsync,
}
