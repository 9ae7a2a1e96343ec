namespace Runtime.Emulator;

/// <summary>Which Function Compute request an <see cref="FcOutcome"/> answers (the <c>x-fc-control-path</c> it carried).</summary>
public enum FcCall
{
    /// <summary><c>POST /invoke</c>, control path <c>/invoke</c>.</summary>
    Invoke,

    /// <summary><c>POST /initialize</c>, control path <c>/initialize</c>.</summary>
    Initialize,

    /// <summary>An HTTP-trigger request passed through, control path <c>/http-invoke</c>.</summary>
    HttpInvoke,

    /// <summary><c>GET /pre-stop</c>.</summary>
    PreStop,

    /// <summary><c>GET /pre-freeze</c>.</summary>
    PreFreeze,
}
