using System;
using System.Collections.Generic;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators;

/// <summary>f.yml HTTP paths (<c>{name}</c> one segment; a trailing <c>{name+}</c> or <c>*</c> the rest) in each cloud's syntax.</summary>
internal static class Routes
{
    /// <summary>Whether the path takes every request (<c>/*</c> or <c>/{name+}</c>).</summary>
    public static bool IsCatchAll(string path) =>
        path == "/*" || (path.StartsWith("/{", StringComparison.Ordinal) && path.EndsWith("+}", StringComparison.Ordinal) && path.IndexOf('/', 1) < 0);

    /// <summary>API Gateway: a trailing <c>*</c> becomes the greedy <c>{proxy+}</c>; <c>{name+}</c> is already API Gateway's.</summary>
    public static string ApiGateway(string path) =>
        path.EndsWith("/*", StringComparison.Ordinal) ? path[..^1] + "{proxy+}" : path;

    /// <summary>Azure Functions route template: no leading '/', catch-all <c>{*name}</c>.</summary>
    public static string Azure(string path)
    {
        string route = path.TrimStart('/');
        if (route.EndsWith('*') && (route.Length == 1 || route[^2] == '/'))
        {
            route = route[..^1] + "{*path}";
        }
        else if (route.EndsWith("+}", StringComparison.Ordinal))
        {
            int open = route.LastIndexOf('{');
            route = route[..open] + "{*" + route[(open + 1)..^2] + "}";
        }
        return route;
    }

    /// <summary>
    /// Tencent API Gateway matches paths by prefix, so a trailing rest-of-path part is dropped (<c>/items/*</c> is
    /// <c>/items</c>, <c>/*</c> is <c>/</c>).
    /// </summary>
    public static string TencentPrefix(string path)
    {
        int last = path.LastIndexOf('/');
        string tail = path[(last + 1)..];
        if (tail == "*" || (tail.StartsWith('{') && tail.EndsWith("+}", StringComparison.Ordinal)))
        {
            string prefix = path[..last];
            return prefix.Length == 0 ? "/" : prefix;
        }
        return path;
    }

    /// <summary>The f.yml key the methods were written under (<c>method</c> or <c>methods</c>), for a diagnostic's position.</summary>
    public static string MethodField(HttpEvent http) => http.Has("methods") ? "methods" : "method";

    /// <summary>The event's methods, or <paramref name="any"/> when it takes every method.</summary>
    public static IReadOnlyList<string> MethodsOr(HttpEvent http, string any) => http.Methods.Count == 0 ? [any] : http.Methods;

    /// <summary>The path as deployed (group prefix applied), or the written one.</summary>
    public static string PathOf(DeployedEvent deployed, HttpEvent http) => deployed.DeployedPath ?? http.Path;
}
