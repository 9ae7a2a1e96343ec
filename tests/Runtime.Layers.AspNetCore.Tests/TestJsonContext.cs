using System.Text.Json.Serialization;

namespace Runtime.Layers.AspNetCore.Tests;

/// <summary>The test apps' JSON (reflection-based serialisation is off in this repository).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Item[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
