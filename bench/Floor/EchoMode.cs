namespace Runtime.Floor;

/// <summary>How the server floor shapes its answer, which is whatever the platform's caller needs to count it a success.</summary>
internal enum EchoMode
{
    /// <summary>200 with the request body (Cloud Run, Tencent web functions, Huawei HTTP functions).</summary>
    Plain,

    /// <summary>As <see cref="Plain"/>, plus <c>x-fc-status: 200</c>, which FC reads as "the function succeeded".</summary>
    Fc,

    /// <summary>
    /// A request with a body (the host's <c>{Data, Metadata}</c> payload) gets a fixed JSON envelope with a JSON
    /// Content-Type, as the host reads the answer; one without (the <c>GET /</c> ping) gets an empty 200.
    /// </summary>
    Azure,
}
