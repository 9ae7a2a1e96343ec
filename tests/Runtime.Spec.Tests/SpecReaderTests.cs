using System;
using System.Linq;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests;

public sealed partial class SpecReaderTests
{
    [Fact]
    public void Read_FullFile_BindsEverySection()
    {
        SpecReadResult result = Some.Read(Some.FullYaml, "REGION=eu");
        ServiceSpec spec = result.Spec;

        Assert.Equal(
            ["f.yml:30:3: warning: function 'users' also runs under layer 'metrics', which another function of group 'api' lists"],
            result.Warnings.Select(w => w.Format("f.yml")));
        Assert.Equal("f.yml", spec.SourcePath);
        Assert.Equal("shop", spec.Service);
        Assert.Equal(CloudPlatform.Aws, spec.Provider.Name);
        Assert.Equal("us-east-1", spec.Provider.Region);
        Assert.Equal("prod", spec.Provider.Stage);
        Assert.Equal((256, 10, 30, 1), (spec.Provider.MemorySize, spec.Provider.Timeout, spec.Provider.InitTimeout, spec.Provider.Concurrency));
        Assert.Equal("eu", spec.Provider.Environment["REGION_NAME"]);
        Assert.Equal(["hello", "users", "uploads", "nightly"], spec.Functions.Select(f => f.Name));
        LayerSpec layer = Assert.Single(spec.Layers);
        Assert.Equal(("metrics", "./layers/metrics", "shop"), (layer.Name, layer.Path, layer.Settings["NAMESPACE"]));

        FunctionSpec hello = spec.Functions[0];
        Assert.Equal("hello.handler", hello.Handler);
        Assert.Equal(512, hello.MemorySize);
        Assert.Equal(["metrics"], hello.Layers);
        HttpEvent http = Assert.IsType<HttpEvent>(hello.Events[0]);
        Assert.Equal(("/hello/{name}", false, "hello-http-0"), (http.Path, http.ThroughApiGateway, http.TriggerName));
        Assert.Equal(["GET"], http.Methods);
        TimerEvent rate = Assert.IsType<TimerEvent>(hello.Events[1]);
        Assert.Equal((TimeSpan.FromMinutes(5), "ping", true, "hello-timer-1"), (rate.Rate, rate.Payload, rate.Enabled, rate.TriggerName));

        FunctionSpec users = spec.Functions[1];
        Assert.Equal("users", users.Handler);
        HttpEvent apigw = Assert.IsType<HttpEvent>(users.Events[0]);
        Assert.True(apigw.ThroughApiGateway);
        Assert.Equal("apigw", apigw.Kind);
        Assert.Equal(["GET", "PUT"], apigw.Methods);
        QueueEvent mq = Assert.IsType<QueueEvent>(users.Events[1]);
        Assert.Equal(("orders", 10, "users-orders"), (mq.Topic, mq.BatchSize, mq.TriggerName));

        ObjectStorageEvent os = Assert.IsType<ObjectStorageEvent>(spec.Functions[2].Events[0]);
        Assert.Equal(("uploads", "in/"), (os.Bucket, os.Prefix));
        Assert.Equal(["created", "deleted"], os.Events);
        LogEvent log = Assert.IsType<LogEvent>(spec.Functions[2].Events[1]);
        Assert.Equal(("app", "access", "uploads-log-1"), (log.Project, log.Store, log.TriggerName));

        TimerEvent cron = Assert.IsType<TimerEvent>(spec.Functions[3].Events[0]);
        Assert.Equal(("0 3 * * MON-FRI", false), (cron.Cron, cron.Enabled));

        AggregationGroup api = Assert.Single(spec.Aggregation);
        Assert.Equal(("api", "/api"), (api.Name, api.Prefix));
        Assert.Equal(["hello", "users"], api.Functions);
    }

    [Fact]
    public void Read_FullFile_RecordsWhereEachValueIs()
    {
        ServiceSpec spec = Some.Read(Some.FullYaml, "REGION=eu").Spec;

        Assert.Equal(new SpecLocation(2, 1), spec.Provider.Location);
        Assert.Equal(new SpecLocation(6, 15), spec.Provider.LocationOf("memorySize"));
        Assert.Equal(new SpecLocation(12, 18), spec.Provider.LocationOf("environment.REGION_NAME"));
        FunctionSpec hello = spec.Functions[0];
        Assert.Equal(new SpecLocation(19, 3), hello.Location);
        Assert.Equal(new SpecLocation(22, 14), hello.LocationOf("layers[0]"));
        Assert.Equal(new SpecLocation(24, 9), hello.Events[0].Location);
        Assert.Equal(new SpecLocation(25, 17), hello.Events[0].LocationOf("path"));
        Assert.True(hello.Has("memorySize"));
        Assert.False(hello.Has("timeout"));
    }
}
