using System;
using System.IO;
using System.Text;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions.Aggregation;
using Xunit;

namespace Runtime.Engine.Tests.Aggregation;

public sealed class AggregationManifestReaderTests
{
    private const string Source = "/var/task/faas-manifest.json";

    private static AggregationManifest Parse(string json) => AggregationManifestReader.Parse(Encoding.UTF8.GetBytes(json), Source);

    private static string Error(string json) => Assert.Throws<AggregationException>(() => Parse(json)).Message;

    [Fact]
    public void Parse_TheContract_ReadsEveryField()
    {
        AggregationManifest manifest = Parse("""
            {"version":1,"service":"shop","group":"api","prefix":"/api","functions":[
              {"name":"hello","http":[{"path":"/hello/{name}","methods":["GET"]}],"triggers":["hello-timer-0"]},
              {"name":"jobs","triggers":["jobs-timer-0","jobs-queue-1"]},
              {"name":"any","http":[{"path":"/any"}],"extra":{"ignored":true}}]}
            """);

        Assert.Equal(1, manifest.Version);
        Assert.Equal("shop", manifest.Service);
        Assert.Equal("api", manifest.Group);
        Assert.Equal("/api", manifest.Prefix);
        Assert.Equal(Source, manifest.Source);
        Assert.Equal(new[] { "hello", "jobs", "any" }, Array.ConvertAll(new[] { 0, 1, 2 }, i => manifest.Functions[i].Name));
        HttpRouteSpec route = Assert.Single(manifest.Functions[0].Http);
        Assert.Equal("/hello/{name}", route.Path);
        Assert.Equal(new[] { "GET" }, route.Methods);
        Assert.Equal(new[] { "hello-timer-0" }, manifest.Functions[0].Triggers);
        Assert.Empty(manifest.Functions[1].Http);
        Assert.Equal(new[] { "jobs-timer-0", "jobs-queue-1" }, manifest.Functions[1].Triggers);
        Assert.Empty(Assert.Single(manifest.Functions[2].Http).Methods);
        Assert.Empty(manifest.Functions[2].Triggers);
    }

    [Theory]
    // What the spec side's ManifestWriter writes (its golden files, tests/Runtime.Spec.Tests/ManifestWriterTests.cs).
    [InlineData("""{"version":1,"service":"shop","group":"api","prefix":"/api","functions":[{"name":"hello.handler","http":[{"path":"/hello/{name}","methods":["GET"]}],"triggers":["hello-timer-1"]},{"name":"users","http":[{"path":"/users/{id}","methods":["GET","PUT"]}],"triggers":["users-orders"]}]}""")]
    [InlineData("""{"version":1,"service":"shop","group":null,"prefix":"","functions":[{"name":"uploads","http":[],"triggers":["uploads-os-0","uploads-log-1"]}]}""")]
    [InlineData("""{"version":1,"service":"shop","group":null,"prefix":"","functions":[{"name":"hello","http":[{"path":"/hello","methods":[]},{"path":"/files/{key+}","methods":["PUT","GET"]}],"triggers":[]}]}""")]
    public void Parse_WhatThePackageStepWrites_IsValid(string json)
    {
        AggregationManifest manifest = Parse(json);
        var registry = new Functions.FunctionRegistry();
        foreach (AggregatedFunction function in manifest.Functions)
        {
            registry.AddRaw(function.Name, _ => default);
        }

        manifest.Validate(registry);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndNoOptionalFields_Reads()
    {
        byte[] json = Concat(Encoding.UTF8.GetPreamble(), Encoding.UTF8.GetBytes("""{"version":1,"functions":[{"name":"a"}]}"""));

        AggregationManifest manifest = AggregationManifestReader.Parse(json, Source);

        Assert.Null(manifest.Prefix);
        Assert.Null(manifest.Group);
        Assert.Equal("a", Assert.Single(manifest.Functions).Name);
    }

    [Theory]
    [InlineData("{\"version\":1,", "Aggregation manifest /var/task/faas-manifest.json is not valid JSON (line 1, byte 13).")]
    [InlineData("", "Aggregation manifest /var/task/faas-manifest.json is not valid JSON (line 1, byte 1).")]
    [InlineData("{\"version\":1}\n{", "Aggregation manifest /var/task/faas-manifest.json is not valid JSON (line 2, byte 1).")]
    [InlineData("[]", "Aggregation manifest /var/task/faas-manifest.json must be a JSON object.")]
    [InlineData("{\"functions\":[]}", "Aggregation manifest /var/task/faas-manifest.json has no \"version\"; this runtime reads version 1.")]
    [InlineData("{\"version\":2,\"functions\":{}}", "Aggregation manifest /var/task/faas-manifest.json has version 2; this runtime reads version 1.")]
    [InlineData("{\"version\":\"1\"}", "Aggregation manifest /var/task/faas-manifest.json: version must be an integer.")]
    [InlineData("{\"version\":1.5}", "Aggregation manifest /var/task/faas-manifest.json: version must be an integer.")]
    [InlineData("{\"version\":1}", "Aggregation manifest /var/task/faas-manifest.json: functions must be an array.")]
    [InlineData("{\"version\":1,\"prefix\":3,\"functions\":[]}", "Aggregation manifest /var/task/faas-manifest.json: prefix must be a string.")]
    [InlineData("{\"version\":1,\"functions\":[\"a\"]}", "Aggregation manifest /var/task/faas-manifest.json: functions[0] must be an object.")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":\"\"}]}", "Aggregation manifest /var/task/faas-manifest.json: functions[0].name must be a non-empty string.")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":\"a\"},{}]}", "Aggregation manifest /var/task/faas-manifest.json: functions[1].name must be a non-empty string.")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":7}]}", "Aggregation manifest /var/task/faas-manifest.json: functions[0].name must be a string.")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":\"a\",\"http\":{}}]}", "Aggregation manifest /var/task/faas-manifest.json: functions[0].http must be an array.")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":\"a\",\"http\":[{\"methods\":[]}]}]}", "Aggregation manifest /var/task/faas-manifest.json: functions[0].http[0].path must be a string.")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":\"a\",\"http\":[{\"path\":\"/\",\"methods\":[\"GET\",1]}]}]}", "Aggregation manifest /var/task/faas-manifest.json: functions[0].http[0].methods[1] must be a string.")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":\"a\",\"triggers\":\"t\"}]}", "Aggregation manifest /var/task/faas-manifest.json: functions[0].triggers must be an array.")]
    public void Parse_Malformed_SaysWhatAndWhere(string json, string expected)
    {
        Assert.Equal(expected, Error(json));
    }

    [Fact]
    public void Parse_Malformed_IsAConfigError()
    {
        Assert.Equal(ErrorTypes.ConfigInvalid, Assert.Throws<AggregationException>(() => Parse("{")).ErrorType);
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotBeRead()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "faas-manifest.json");

        string message = Assert.Throws<AggregationException>(() => AggregationManifestReader.Load(path)).Message;

        Assert.StartsWith($"Aggregation manifest {path} cannot be read: ", message);
    }

    [Fact]
    public void Load_File_NamesItAsTheSource()
    {
        string path = Path.Combine(Path.GetTempPath(), "faas-manifest-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"version":1,"functions":[{"name":"a"},{"name":"b"}]}""");
        try
        {
            AggregationManifest manifest = AggregationManifestReader.Load(path);

            Assert.Equal(path, manifest.Source);
            Assert.Equal(2, manifest.Functions.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        byte[] all = new byte[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }
}
