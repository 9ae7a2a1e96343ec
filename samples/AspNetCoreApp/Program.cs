using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Layers.AspNetCore;
using Runtime.Light;
using Samples.AspNetCoreApp;

// An existing minimal-API app; the two marked lines make it a function that runs on every supported cloud.
// A function's files never change, so no appsettings reload watcher: it would cost ~4 ms of CPU and ~2 MB at every
// cold start (layers/AspNetCore/README.md). Put first, so the function's own arguments can still override it.
var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
builder.UseFaaS(); // (1) the in-process FaaS server instead of Kestrel
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));
builder.Services.AddSingleton(static _ => new TodoStore());

var app = builder.Build();
app.Use(async (context, next) =>
{
    context.Response.Headers["X-Served-By"] = "aspnetcore";
    await next(context);
});

app.MapGet("/", () => "Hello from ASP.NET Core, running as a function.");
app.MapGet("/hello/{name}", (string name) => $"Hello, {name}!");
app.MapPost("/hello", Greetings.Greet);

RouteGroupBuilder todos = app.MapGroup("/todos");
todos.MapGet("/", (TodoStore store) => store.All());
todos.MapGet("/{id:int}", Results<Ok<Todo>, NotFound> (int id, TodoStore store) =>
    store.Find(id) is { } todo ? TypedResults.Ok(todo) : TypedResults.NotFound());
todos.MapPost("/", (Todo todo, TodoStore store) => TypedResults.Created($"/todos/{todo.Id}", store.Add(todo)));

var function = FaaSHost.CreateBuilder(args);
function.Layers.AddAspNetCore(app); // (2) every invocation is one request through the app
return await function.RunAsync();
