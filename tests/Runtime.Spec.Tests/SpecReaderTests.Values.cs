using System;
using System.IO;
using System.Linq;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests;

public sealed partial class SpecReaderTests
{
    private const string Header = """
        service: shop
        provider:
          name: aws

        """;

    [Fact]
    public void Parse_BareFunction_TakesDefaults()
    {
        ServiceSpec spec = Some.Read(Header + "functions:\n  hello:\n").Spec;

        FunctionSpec hello = Assert.Single(spec.Functions);
        Assert.Equal(("hello", "hello"), (hello.Name, hello.Handler));
        Assert.Null(hello.MemorySize);
        Assert.Empty(hello.Events);
        Assert.Empty(hello.Environment);
        Assert.Equal("dev", spec.Provider.Stage);
        Assert.Null(spec.Provider.Region);
        Assert.Empty(spec.Aggregation);
    }

    [Fact]
    public void Parse_BareHttpEvent_MeansEveryPathAndMethod()
    {
        ServiceSpec spec = Some.Read(Header + "functions:\n  hello:\n    events:\n      - http:\n").Spec;

        HttpEvent http = Assert.IsType<HttpEvent>(Assert.Single(spec.Functions[0].Events));
        Assert.Equal("/*", http.Path);
        Assert.Empty(http.Methods);
        Assert.False(http.Has("path"));
    }

    [Theory]
    [InlineData("method: get", new[] { "GET" })]
    [InlineData("method: [post, Put]", new[] { "POST", "PUT" })]
    [InlineData("methods: [DELETE]", new[] { "DELETE" })]
    [InlineData("method: ANY", new string[0])]
    public void Parse_HttpMethods_UpperCasedAndAnyIsEmpty(string method, string[] expected)
    {
        ServiceSpec spec = Some.Read(Header + $"functions:\n  hello:\n    events:\n      - http:\n          path: /\n          {method}\n").Spec;

        Assert.Equal(expected, Assert.IsType<HttpEvent>(spec.Functions[0].Events[0]).Methods);
    }

    [Theory]
    [InlineData("aws", CloudPlatform.Aws)]
    [InlineData("tencent", CloudPlatform.Tencent)]
    [InlineData("scf", CloudPlatform.Tencent)]
    [InlineData("aliyun", CloudPlatform.Alibaba)]
    [InlineData("alibaba", CloudPlatform.Alibaba)]
    [InlineData("fc", CloudPlatform.Alibaba)]
    [InlineData("huawei", CloudPlatform.Huawei)]
    [InlineData("fg", CloudPlatform.Huawei)]
    [InlineData("azure", CloudPlatform.Azure)]
    [InlineData("knative", CloudPlatform.Knative)]
    [InlineData("cloudrun", CloudPlatform.Knative)]
    public void Parse_ProviderName_MapsEachSpelling(string name, CloudPlatform cloud)
    {
        ServiceSpec spec = Some.Read($"service: shop\nprovider:\n  name: {name}\nfunctions:\n  hello:\n").Spec;

        Assert.Equal(cloud, spec.Provider.Name);
    }

    [Fact]
    public void Parse_QuotedNumbersAndBooleans_Accepted()
    {
        ServiceSpec spec = Some.Read(Header + """
            functions:
              hello:
                memorySize: "1024"
                events:
                  - timer: {cron: "*/15 9-17 1,15 JAN-JUN mon-fri", enabled: "False"}
            """).Spec;

        Assert.Equal(1024, spec.Functions[0].MemorySize);
        TimerEvent timer = Assert.IsType<TimerEvent>(spec.Functions[0].Events[0]);
        Assert.False(timer.Enabled);
        Assert.Null(timer.Rate);
    }

    [Fact]
    public void Parse_EnvironmentValues_KeptAsWritten()
    {
        ServiceSpec spec = Some.Read(Header + """
              environment:
                RETRIES: 3
                VERBOSE: true
                EMPTY: ''
                RATIO: 0.50
            functions:
              hello:
            """).Spec;

        Assert.Equal(["RETRIES", "VERBOSE", "EMPTY", "RATIO"], spec.Provider.Environment.Keys);
        Assert.Equal(["3", "true", "", "0.50"], spec.Provider.Environment.Values);
    }

    [Fact]
    public void Parse_YamlAnchors_ReuseASettingsBlock()
    {
        ServiceSpec spec = Some.Read(Header + """
            functions:
              hello:
                environment: &shared
                  TABLE: items
              world:
                environment: *shared
            """).Spec;

        Assert.Equal("items", spec.Functions[1].Environment["TABLE"]);
    }

    [Fact]
    public void Parse_UnusedLayer_Warns()
    {
        SpecReadResult result = Some.Read(Header + """
            layers:
              metrics: {path: ./metrics}
            functions:
              hello:
            """);

        Assert.Equal(["f.yml:5:3: warning: layer 'metrics' is not used by any function"], result.Warnings.Select(w => w.Format("f.yml")));
    }

    [Fact]
    public void Parse_SameRouteAsHttpAndApigw_AllowedForOneFunction()
    {
        ServiceSpec spec = Some.Read(Header + """
            functions:
              hello:
                events:
                  - http: {path: /hello, method: GET}
                  - apigw: {path: /hello, method: GET}
            """).Spec;

        Assert.Equal(["hello-http-0", "hello-apigw-1"], spec.Functions[0].Events.Select(e => e.TriggerName));
    }

    [Fact]
    public void Parse_ErrorsAndWarnings_ExceptionHoldsBothInFileOrder()
    {
        SpecException ex = Assert.Throws<SpecException>(() => Some.Read(Header + """
            layers:
              metrics: {path: ./metrics}
            functions:
              hello:
                timeout: 0
            """));

        Assert.Equal(
            ["f.yml:5:3: warning: layer 'metrics' is not used by any function",
             "f.yml:8:14: error: 'timeout' must be a whole number of seconds from 1 to 86400; got '0'"],
            ex.Message.Split('\n'));
        Assert.Single(ex.Errors);
        Assert.Equal("f.yml", ex.SourcePath);
    }

    [Fact]
    public void Read_File_ParsesItAndNamesItInMessages()
    {
        string directory = Directory.CreateTempSubdirectory("spec-").FullName;
        try
        {
            string path = Path.Combine(directory, "f.yml");
            File.WriteAllText(path, Header + "functions:\n  hello:\n");
            Assert.Equal(path, SpecReader.Read(path, Some.Environment()).Spec.SourcePath);

            File.WriteAllText(path, Header + "functions:\n  Hello:\n");
            SpecException ex = Assert.Throws<SpecException>(() => SpecReader.Read(path, Some.Environment()));
            Assert.Equal($"{path}:5:3: error: function name 'Hello' must start with a lower-case letter", ex.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Read_MissingFile_ThrowsSpecException()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "f.yml");

        SpecException ex = Assert.Throws<SpecException>(() => SpecReader.Read(path, Some.Environment()));

        SpecDiagnostic error = Assert.Single(ex.Diagnostics);
        Assert.False(error.Location.IsKnown);
        Assert.StartsWith($"{path}: error: cannot read the file: ", ex.Message);
    }
}
