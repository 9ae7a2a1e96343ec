using System.Text.Json.Serialization;

namespace Runtime.ColdStart;

/// <summary>Source-generated JSON for coldstart.json.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ColdStartReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}
