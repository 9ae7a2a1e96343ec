using Runtime.Light;
using Samples.Echo;

// The echo function: publish with `dotnet publish samples/Echo -c Release` to get samples/Echo/bin/.../publish/bootstrap.
var builder = FaaSHost.CreateBuilder(args);
builder.Functions.AddRaw("echo", EchoFunction.HandleAsync);
return await builder.RunAsync();
