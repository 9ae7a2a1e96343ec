namespace Samples.AspNetCoreApp;

/// <summary>The body of <c>POST /hello</c>: <c>{"hello":"world"}</c>.</summary>
public sealed record HelloRequest(string Hello);
