namespace Runtime.Engine.Generators.Model;

/// <summary>Where the generated code gets one argument of a constructor or an initialiser.</summary>
internal enum ArgumentKind
{
    /// <summary>The service provider itself.</summary>
    ServiceProvider,

    /// <summary>The phase's cancellation token (initialisers only).</summary>
    CancellationToken,

    /// <summary><c>GetRequiredService&lt;T&gt;()</c>.</summary>
    RequiredService,

    /// <summary><c>GetService&lt;T&gt;()</c>: the parameter defaults to null.</summary>
    OptionalService,
}
