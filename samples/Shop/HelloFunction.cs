using System;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Functions.Annotations;
using Runtime.Engine.Http;

namespace Samples.Shop;

/// <summary><c>GET /hello/{name}</c>: greets the name in the path. An instance method, so its class is built once with its services.</summary>
public sealed class HelloFunction
{
    private const string Prefix = "/hello/";
    private readonly IGreeter _greeter;

    public HelloFunction(IGreeter greeter) => _greeter = greeter;

    [FaaSFunction("hello")]
    public ValueTask GetAsync(FaaSContext context, FaaSRequest request, FaaSResponse response)
    {
        if (!string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = 405;
            response.Headers.Add("Allow", "GET");
            return ValueTask.CompletedTask;
        }
        response.StatusCode = 200;
        response.ContentType = "text/plain; charset=utf-8";
        response.Write(_greeter.Greet(NameOf(request)));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The <c>{name}</c> path parameter: set by the router of an aggregated instance or by the platform's gateway; else
    /// read from the path itself (a function URL or a proxy route passes the whole path).
    /// </summary>
    private static string NameOf(FaaSRequest request)
    {
        if (request.PathParameters.TryGetValue("name", out string? name) && name.Length > 0)
        {
            return name;
        }
        string path = request.Path;
        int start = path.LastIndexOf(Prefix, StringComparison.Ordinal);
        if (start >= 0)
        {
            string rest = path.Substring(start + Prefix.Length).TrimEnd('/');
            if (rest.Length > 0 && rest.IndexOf('/') < 0)
            {
                return Uri.UnescapeDataString(rest);
            }
        }
        return "world";
    }
}
