using System.Text.Json.Serialization;

namespace Samples.AspNetCoreApp;

/// <summary>The app's JSON, source-generated (native AOT has no reflection-based serialisation).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Todo))]
[JsonSerializable(typeof(Todo[]))]
[JsonSerializable(typeof(HelloRequest))]
[JsonSerializable(typeof(HelloReply))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
}
