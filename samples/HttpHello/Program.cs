using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Http;
using Runtime.Light;

// An HTTP-style function: the same code answers an API Gateway, function URL or ALB event on AWS and an API Gateway
// event on Tencent SCF, because the runtime hands it one request and encodes its one response per trigger.
var builder = FaaSHost.CreateBuilder(args);
builder.Functions.AddHttp("hello", Hello.HandleAsync);
return await builder.RunAsync();

internal static class Hello
{
    public static ValueTask HandleAsync(FaaSContext context, FaaSRequest request, FaaSResponse response)
    {
        string name = request.Query["name"] ?? request.Cookies["name"] ?? "world";
        response.StatusCode = 200;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.Add("X-Request-Id", context.RequestId);
        response.Write("Hello, " + name + "! (" + request.Method + " " + request.Path + ")");
        return ValueTask.CompletedTask;
    }
}
