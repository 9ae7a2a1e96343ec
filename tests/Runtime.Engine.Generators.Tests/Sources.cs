namespace Runtime.Engine.Generators.Tests;

/// <summary>Test inputs: the usings every source starts with, and a JSON context most typed-event sources share.</summary>
internal static class Sources
{
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using System.Text.Json.Serialization;
        using Microsoft.Extensions.DependencyInjection;
        using Runtime.Engine;
        using Runtime.Engine.Functions;
        using Runtime.Engine.Functions.Annotations;
        using Runtime.Engine.Http;

        """;

    public const string JsonContext = Usings + """
        namespace App;

        public sealed record Order(string Id, int Quantity);

        public sealed record Receipt(string OrderId, int Total);

        public sealed record Ping(string? Note);

        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(Receipt))]
        [JsonSerializable(typeof(Ping))]
        [JsonSerializable(typeof(int[]))]
        [JsonSerializable(typeof(System.Collections.Generic.List<Order>))]
        internal sealed partial class AppJson : JsonSerializerContext
        {
        }
        """;
}
