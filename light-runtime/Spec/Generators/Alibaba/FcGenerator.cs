using System.Collections.Generic;
using Runtime.Spec.Generators.Output;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators.Alibaba;

/// <summary>
/// Alibaba Function Compute 3.0: one Serverless Devs <c>s.yaml</c> with an <c>fc3</c> component resource per deployment,
/// custom runtime (<c>custom.debian12</c>: the first FC image whose glibc is new enough for the bootstrap) started as
/// <c>./bootstrap</c> listening on 9000.
/// Schema: https://github.com/devsapp/fc3/blob/master/docs/zh/yaml/readme.md and docs/zh/yaml/triggers.md
/// (trigger types http, timer, oss, log, mns_topic), and https://www.alibabacloud.com/help/en/functioncompute/fc/time-triggers.
/// </summary>
internal sealed class FcGenerator : ISpecGenerator
{
    // FC 3.0 HTTP trigger methods (fc3 triggers.md: GET, POST, PUT, DELETE, PATCH, HEAD, plus OPTIONS in the console).
    private static readonly string[] s_allMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public CloudPlatform Platform => CloudPlatform.Alibaba;

    public GeneratedFiles Generate(ServiceSpec spec, IReadOnlyList<Deployment> deployments, GenerateOptions options)
    {
        var context = new GenerationContext("Alibaba Function Compute", spec, options);
        string region = spec.Provider.Region ?? "cn-hangzhou";
        var resources = new DocMap();
        foreach (Deployment deployment in deployments)
        {
            // FC's timer events carry triggerName; OSS, MNS and log events carry none the instance reads.
            context.RequireRoutableEvents(deployment, static e => e is TimerEvent);
            resources.Add(deployment.Name, new DocMap().Add("component", "fc3").Add("props", Props(context, deployment, region)));
        }
        var root = new DocMap()
            .Add("edition", "3.0.0")
            .Add("name", spec.Service)
            .Add("access", "default")
            .Add("resources", resources);
        string text = YamlEmitter.Write(root, ["Generated from f.yml: edit f.yml and generate again instead of editing this file."]);
        return new GeneratedFiles([new GeneratedFile("s.yaml", text)], context.Diagnostics);
    }

    private static DocMap Props(GenerationContext context, Deployment deployment, string region)
    {
        var props = new DocMap()
            .Add("region", region)
            .Add("functionName", context.FunctionName(deployment))
            .Add("runtime", context.Options.AlibabaRuntime)
            .Add("code", $"{context.Options.ArtifactsDirectory}/{deployment.Name}")
            // A custom runtime ignores the handler but FC requires one; the bootstrap routes by its own manifest.
            .Add("handler", "bootstrap")
            .AddIf("memorySize", deployment.MemorySize)
            .AddIf("timeout", deployment.Timeout)
            .AddIf("instanceConcurrency", deployment.Concurrency)
            .Add("customRuntimeConfig", new DocMap()
                .Add("command", DocList.Of(["./bootstrap"]))
                .Add("port", 9000));
        if (deployment.InitTimeout is { } initTimeout)
        {
            // FC calls POST /initialize on a custom runtime when an initializer is configured, with this timeout.
            props.Add("instanceLifecycleConfig", new DocMap()
                .Add("initializer", new DocMap().Add("handler", "initialize").Add("timeout", initTimeout)));
        }
        SortedDictionary<string, string> environment = context.Environment(deployment);
        if (environment.Count > 0)
        {
            props.Add("environmentVariables", DocMap.Sorted(environment));
        }
        if (deployment.Layers.Count > 0)
        {
            DocList layers = context.PublishedLayers(deployment, static (_, arn) => DocScalar.String(arn),
                static layer => $"FC's s.yaml can only refer to a published layer version: give layer '{layer.Name}' its ARN (acs:fc:<region>:<account>:layers/<name>/versions/<n>) in the layer references");
            props.Add("layers", layers);
        }
        var triggers = new DocList();
        AddHttpTrigger(context, deployment, triggers);
        foreach (DeployedEvent deployed in deployment.Events)
        {
            AddTrigger(context, deployed, region, triggers);
        }
        if (triggers.Items.Count > 0)
        {
            props.Add("triggers", triggers);
        }
        return props;
    }

    /// <summary>
    /// FC allows one HTTP trigger per function and it has no path: every path of the function's URL reaches it. So all
    /// HTTP events of a deployment become one trigger taking the union of their methods; a group's paths are routed
    /// inside the bootstrap (faas-manifest.json), while a lone function's path cannot be kept.
    /// </summary>
    private static void AddHttpTrigger(GenerationContext context, Deployment deployment, DocList triggers)
    {
        var methods = new SortedSet<string>(System.StringComparer.Ordinal);
        bool any = false;
        bool all = false;
        foreach (DeployedEvent deployed in deployment.Events)
        {
            if (deployed.Event is not HttpEvent http)
            {
                continue;
            }
            any = true;
            if (http.ThroughApiGateway)
            {
                context.Unsupported(http, "apigw", "has no API Gateway trigger in s.yaml", "wrote an HTTP trigger");
            }
            if (deployment.Group is null && !Routes.IsCatchAll(http.Path))
            {
                context.Unsupported(http, "path", "has no path on an HTTP trigger (every path reaches the function)", "wrote a trigger for every path");
            }
            if (http.Methods.Count == 0)
            {
                all = true;
            }
            methods.UnionWith(http.Methods);
        }
        if (!any)
        {
            return;
        }
        triggers.Add(new DocMap()
            .Add("triggerName", "http")
            .Add("triggerType", "http")
            .Add("triggerConfig", new DocMap()
                .Add("authType", "anonymous")
                .Add("disableURLInternet", false)
                .Add("methods", DocList.Of(all ? s_allMethods : methods))));
    }

    private static void AddTrigger(GenerationContext context, DeployedEvent deployed, string region, DocList triggers)
    {
        const string Account = "${config('AccountID')}";
        string name = deployed.Event.TriggerName;
        switch (deployed.Event)
        {
            case TimerEvent timer:
                var timerConfig = new DocMap()
                    // FC reads the cron in UTC unless it starts with CRON_TZ=; f.yml crons are UTC.
                    .Add("cronExpression", timer.Rate is { } rate ? Schedules.Every(rate) : Schedules.WithSeconds(timer.Cron!))
                    .Add("enable", timer.Enabled)
                    .AddIf("payload", timer.Payload);
                triggers.Add(new DocMap().Add("triggerName", name).Add("triggerType", "timer").Add("triggerConfig", timerConfig));
                break;
            case ObjectStorageEvent os:
                var ossEvents = new DocList();
                foreach (string kind in os.Events)
                {
                    ossEvents.Add(kind == "deleted" ? "oss:ObjectRemoved:DeleteObject" : "oss:ObjectCreated:*");
                }
                triggers.Add(new DocMap()
                    .Add("triggerName", name)
                    .Add("triggerType", "oss")
                    .Add("sourceArn", $"acs:oss:{region}:{Account}:{os.Bucket}")
                    .Add("invocationRole", $"acs:ram::{Account}:role/aliyunosseventnotificationrole")
                    .Add("triggerConfig", new DocMap()
                        .Add("events", ossEvents)
                        .Add("filter", new DocMap().Add("key", new DocMap()
                            .Add("prefix", os.Prefix ?? "")
                            .Add("suffix", os.Suffix ?? "")))));
                break;
            case QueueEvent mq:
                if (mq.BatchSize is not null)
                {
                    context.Unsupported(mq, "batchSize", "pushes MNS topic messages one per invocation", "left it out");
                }
                triggers.Add(new DocMap()
                    .Add("triggerName", name)
                    .Add("triggerType", "mns_topic")
                    .Add("sourceArn", $"acs:mns:{region}:{Account}:/topics/{mq.Topic}")
                    .Add("invocationRole", $"acs:ram::{Account}:role/aliyunmnsnotificationrole")
                    .Add("triggerConfig", new DocMap()
                        .Add("notifyContentFormat", "JSON")
                        .Add("notifyStrategy", "BACKOFF_RETRY")
                        .AddIf("filterTag", mq.FilterTag)));
                break;
            case LogEvent log:
                if (log.Filter is not null)
                {
                    context.Unsupported(log, "filter", "delivers every record of the log store (no filter pattern)", "left it out");
                }
                if (log.Store is null)
                {
                    context.Error(log, "project", "an SLS trigger reads one log store: set 'store'");
                }
                triggers.Add(new DocMap()
                    .Add("triggerName", name)
                    .Add("triggerType", "log")
                    .Add("sourceArn", $"acs:log:{region}:{Account}:project/{log.Project}")
                    .Add("invocationRole", $"acs:ram::{Account}:role/aliyunlogetlrole")
                    .Add("triggerConfig", new DocMap()
                        .Add("sourceConfig", new DocMap().Add("logstore", log.Store ?? ""))
                        // Where SLS writes the trigger's own execution log: the same project and store.
                        .Add("logConfig", new DocMap().Add("project", log.Project).Add("logstore", log.Store ?? ""))
                        .Add("jobConfig", new DocMap().Add("maxRetryTime", 3).Add("triggerInterval", 60))
                        .Add("functionParameter", new DocMap())
                        .Add("enable", true)));
                break;
        }
    }
}
