using System.Collections.Generic;

namespace Runtime.Spec.Rules;

/// <summary>The HTTP methods an event may name (every cloud's HTTP trigger supports these), plus <c>ANY</c>.</summary>
internal static class HttpMethods
{
    public const string Any = "ANY";

    public static readonly IReadOnlyList<string> All = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", Any];

    public static bool IsKnown(string upperCase) => ((IList<string>)All).Contains(upperCase);

    public static string Expected => "GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY";
}
