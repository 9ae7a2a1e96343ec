namespace Samples.AspNetCoreApp;

/// <summary>What <c>POST /hello</c> answers.</summary>
public sealed record HelloReply(string Greeting, string[] Cookies, string Query, string Scheme);
