using System;

namespace Runtime.Light.Http.Server;

/// <summary>One shared string per common method, so parsing one allocates nothing (methods are case-sensitive).</summary>
internal static class HttpMethods
{
    public const string Get = "GET";
    public const string Post = "POST";
    public const string Put = "PUT";
    public const string Delete = "DELETE";
    public const string Head = "HEAD";
    public const string Options = "OPTIONS";
    public const string Patch = "PATCH";
    public const string Trace = "TRACE";
    public const string Connect = "CONNECT";

    /// <summary>The shared string for a common method, else a new one; <paramref name="method"/> is an ASCII token.</summary>
    public static string Intern(ReadOnlySpan<byte> method) => method.Length switch
    {
        3 when method.SequenceEqual("GET"u8) => Get,
        3 when method.SequenceEqual("PUT"u8) => Put,
        4 when method.SequenceEqual("POST"u8) => Post,
        4 when method.SequenceEqual("HEAD"u8) => Head,
        5 when method.SequenceEqual("PATCH"u8) => Patch,
        5 when method.SequenceEqual("TRACE"u8) => Trace,
        6 when method.SequenceEqual("DELETE"u8) => Delete,
        7 when method.SequenceEqual("OPTIONS"u8) => Options,
        7 when method.SequenceEqual("CONNECT"u8) => Connect,
        _ => System.Text.Encoding.ASCII.GetString(method),
    };
}
