using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Layers;
using Xunit;

namespace Runtime.Engine.Tests;

/// <summary>The layer loader on the JIT: layer.json manifests, and the probe layer loaded as a managed plugin.</summary>
public sealed class LayerLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faas-loader-" + Guid.NewGuid().ToString("N"));

    public LayerLoaderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string name, string manifest)
    {
        string folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "layer.json"), manifest);
        return folder;
    }

    private static string ProbeDll => Path.Combine(AppContext.BaseDirectory, "ProbeLayer.dll").Replace("\\", "/");

    [Fact]
    public async Task ManagedPlugin_LoadsThroughAnAssemblyLoadContextAndItsHooksRun()
    {
        Folder("probe", $$$"""{"name":"probe","version":"2.0","abiVersion":1,"library":"{{{ProbeDll}}}","order":3,"settings":{"x":1}}""");
        var builder = new FunctionAppBuilder();
        var (logger, events) = Some.Logger();

        Assert.Equal(1, LayerLoader.LoadInto(builder.Layers, _root, logger));

        builder.Functions.AddRaw("fn", _ => default);
        await using var runtime = new FunctionRuntime(builder, Some.Function(), logger, null, false);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        using var output = new PooledBufferWriter();
        Invocation invocation = Some.Invocation("{}", output);
        await runtime.InvokeAsync(invocation);

        Assert.Contains(events, e => e.RenderMessage().Contains("BeforeInvoke") && e.RenderMessage().Contains(invocation.RequestId));
        (FaaSLayer layer, LayerOptions options) = Assert.Single(builder.Layers.All);
        Assert.Equal("probe", layer.Name);
        Assert.Equal(3, options.Order);
        Assert.Equal("1", options.Settings["x"]);
        Assert.NotSame(typeof(LayerLoaderTests).Assembly, layer.GetType().Assembly);
    }

    [Fact]
    public void FolderWithoutManifest_IsSkipped()
    {
        Directory.CreateDirectory(Path.Combine(_root, "not-a-layer"));

        Assert.Equal(0, LayerLoader.LoadInto(new LayerRegistry(), _root, Some.Logger().Logger));
    }

    [Fact]
    public void MissingFolder_LoadsNothing()
    {
        Assert.Equal(0, LayerLoader.LoadInto(new LayerRegistry(), Path.Combine(_root, "nope"), Some.Logger().Logger));
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("[]", "must hold a JSON object")]
    [InlineData("""{"library":"x.so","abiVersion":1}""", "has no 'name'")]
    [InlineData("""{"name":"a","abiVersion":1}""", "has no 'library'")]
    [InlineData("""{"name":"a","library":"x.so"}""", "has no 'abiVersion'")]
    [InlineData("""{"name":"a","library":"x.so","abiVersion":"one"}""", "'abiVersion' must be a whole number")]
    [InlineData("""{"name":"a","library":"x.so","abiVersion":1,"failure":"maybe"}""", "failure 'maybe'")]
    [InlineData("""{"name":"a","library":"x.so","abiVersion":1,"settings":[1]}""", "'settings' that is not an object")]
    [InlineData("""{"name":"a","library":"x.so","abiVersion":1,"settings":{"k":{}}}""", "setting 'k' must be a string")]
    [InlineData("""{"name":"a","library":"x.so","abiVersion":1}""", "its library")]
    [InlineData("""{"name":"a","library":"x.so","abiVersion":7}""", "layer ABI version 7")]
    // Found by tests/Fuzz: strings that are not text, and a NUL in the library path, used to escape as
    // InvalidOperationException / ArgumentException instead of this error.
    [InlineData("""{"name":"a","library":"x.so","abiVersion":1,"settings":{"\ud800":1}}""", "unpaired surrogate")]
    [InlineData("""{"name":"a\udc00","library":"x.so","abiVersion":1}""", "unpaired surrogate")]
    [InlineData("""{"\ud800x":0,"name":"a","library":"x.so","abiVersion":1}""", "unpaired surrogate")]
    [InlineData("""{"name":"a","library":"x\u0000.so","abiVersion":1}""", "NUL character")]
    public void BadManifest_OneClearErrorNamingTheProblem(string manifest, string expected)
    {
        Folder("a", manifest);

        LayerLoadException ex = Assert.Throws<LayerLoadException>(() => LayerLoader.LoadInto(new LayerRegistry(), _root, Some.Logger().Logger));

        Assert.Contains(expected, ex.Message);
        Assert.Equal("Runtime.LayerLoadFailed", ex.ErrorType);
    }

    [Fact]
    public void BadManifest_InvalidUtf8InAString_OneClearError()
    {
        string folder = Folder("a", "{}");
        byte[] manifest = "{\"name\":\"a\",\"library\":\"x.so\",\"abiVersion\":1,\"settings\":{\"k\":\"?\"}}"u8.ToArray();
        manifest[Array.IndexOf(manifest, (byte)'?')] = 0xC3; // a lead byte with nothing after it
        File.WriteAllBytes(Path.Combine(folder, "layer.json"), manifest);

        LayerLoadException ex = Assert.Throws<LayerLoadException>(() => LayerLoader.LoadInto(new LayerRegistry(), _root, Some.Logger().Logger));

        Assert.Contains("not valid UTF-8", ex.Message);
    }

    [Fact]
    public void ManagedPluginServingAnotherName_IsRefused()
    {
        Folder("other", $$"""{"name":"other","abiVersion":1,"library":"{{ProbeDll}}"}""");

        // The probe takes the name its manifest gives it, so this loads; a layer with a fixed name would be refused.
        Assert.Equal(1, LayerLoader.LoadInto(new LayerRegistry(), _root, Some.Logger().Logger));
    }
}
