using Xunit;

namespace Runtime.Layers.AspNetCore.Tests.EndToEnd;

/// <summary>The tests that share one native publish of samples/AspNetCoreApp.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedSampleCollection : ICollectionFixture<PublishedSample>
{
    public const string Name = "published ASP.NET Core sample";
}
