using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace Samples.AspNetCoreApp;

/// <summary><c>POST /hello</c>: reads a JSON body, the query, cookies and the scheme, and sets a cookie.</summary>
internal static class Greetings
{
    public static HelloReply Greet(HelloRequest body, HttpRequest request, HttpResponse response)
    {
        var cookies = new List<string>();
        foreach (KeyValuePair<string, string> cookie in request.Cookies)
        {
            cookies.Add(cookie.Key + "=" + cookie.Value);
        }
        response.Cookies.Append("greeted", body.Hello);
        return new HelloReply("Hello, " + body.Hello + "!", cookies.ToArray(), request.QueryString.Value ?? string.Empty, request.Scheme);
    }
}
