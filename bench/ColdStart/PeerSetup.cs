namespace Runtime.ColdStart;

/// <summary>How the harness sets up a subject before measuring it.</summary>
internal enum PeerSetup
{
    /// <summary>Not a peer: published by <see cref="Publisher"/> as usual.</summary>
    None,

    /// <summary>samples/Echo published framework-dependent (<c>-p:PublishAot=false -p:SelfContained=false</c>), run on the JIT.</summary>
    PublishJit,

    /// <summary>The files of <c>bench/Peers/&lt;directory&gt;</c> copied as they are.</summary>
    Copy,

    /// <summary>The files of <c>bench/Peers/&lt;directory&gt;</c> copied, then <c>npm ci</c> from their package-lock.json.</summary>
    NpmCi,
}
