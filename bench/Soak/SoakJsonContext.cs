using System.Text.Json.Serialization;

namespace Runtime.Soak;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SoakReport))]
internal sealed partial class SoakJsonContext : JsonSerializerContext
{
}
