using Runtime.Engine;
using Runtime.Light;

// The shop: three functions declared with attributes. AddAnnotatedFunctions() is written at compile time by the
// source generator (see runtime-engine/Generators/README.md); publish with `dotnet publish samples/Shop -c Release`.
var builder = FaaSHost.CreateBuilder(args);
builder.AddAnnotatedFunctions();
return await builder.RunAsync();
