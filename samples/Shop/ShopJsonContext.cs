using System.Text.Json.Serialization;

namespace Samples.Shop;

/// <summary>The shop's JSON, source-generated (native AOT has no reflection-based serialisation).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(TimerTick))]
[JsonSerializable(typeof(TickReport))]
internal sealed partial class ShopJsonContext : JsonSerializerContext
{
}
