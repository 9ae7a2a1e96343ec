using System.Collections.Generic;
using Runtime.Spec.Generators.Output;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators.Tencent;

/// <summary>
/// Tencent SCF: a Serverless Framework <c>serverless.yml</c> with the <c>scf</c> component per deployment, each in its own
/// folder (<c>&lt;deployment&gt;/serverless.yml</c>; <c>scf deploy</c> in the parent deploys them all), runtime
/// <c>CustomRuntime</c> (the bootstrap polls the runtime API).
/// Schema: https://github.com/serverless-components/tencent-scf/blob/master/docs/configure.md (inputs; events timer,
/// apigw, cos, cmq, cls) and https://cloud.tencent.com/document/product/583/9708 (seven-field cron).
/// </summary>
internal sealed class ScfGenerator : ISpecGenerator
{
    public CloudPlatform Platform => CloudPlatform.Tencent;

    public GeneratedFiles Generate(ServiceSpec spec, IReadOnlyList<Deployment> deployments, GenerateOptions options)
    {
        var context = new GenerationContext("Tencent SCF", spec, options);
        string region = spec.Provider.Region ?? "ap-guangzhou";
        var files = new List<GeneratedFile>();
        foreach (Deployment deployment in deployments)
        {
            // Timer events carry TriggerName; COS, CMQ and CLS events carry none the instance reads.
            context.RequireRoutableEvents(deployment, static e => e is TimerEvent);
            var root = new DocMap()
                .Add("app", spec.Service)
                .Add("stage", spec.Provider.Stage)
                .Add("component", "scf")
                .Add("name", deployment.Name)
                .Add("inputs", Inputs(context, deployment, region));
            string text = YamlEmitter.Write(root, ["Generated from f.yml: edit f.yml and generate again instead of editing this file."]);
            files.Add(new GeneratedFile($"{deployment.Name}/serverless.yml", text));
        }
        files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new GeneratedFiles(files, context.Diagnostics);
    }

    private static DocMap Inputs(GenerationContext context, Deployment deployment, string region)
    {
        var inputs = new DocMap()
            .Add("name", context.FunctionName(deployment))
            // The file sits one folder down from where the artifacts folder is given relative to.
            .Add("src", $"../{context.Options.ArtifactsDirectory}/{deployment.Name}")
            .Add("type", "event")
            .Add("handler", "bootstrap")
            .Add("runtime", "CustomRuntime")
            .Add("region", region)
            .AddIf("memorySize", deployment.MemorySize)
            .AddIf("timeout", deployment.Timeout)
            .AddIf("initTimeout", deployment.InitTimeout);
        if (deployment.Concurrency is > 1)
        {
            context.Unsupported(context.SourceOf(deployment, "concurrency"), "concurrency", "runs one invocation per instance for event functions (the scf component has no instance concurrency)", "left it out");
        }
        SortedDictionary<string, string> environment = context.Environment(deployment);
        if (environment.Count > 0)
        {
            inputs.Add("environment", new DocMap().Add("variables", DocMap.Sorted(environment)));
        }
        if (deployment.Layers.Count > 0)
        {
            // Published as a layer named like the f.yml layer; its zip holds layers/<name>/, unpacked under /opt.
            DocList layers = context.PublishedLayers(deployment,
                static (layer, version) => long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number)
                    ? new DocMap().Add("name", layer.Name).Add("version", number)
                    : null,
                static layer => $"serverless.yml can only refer to a published SCF layer version: give layer '{layer.Name}' its version number in the layer references");
            inputs.Add("layers", layers);
        }
        var events = new DocList();
        AddApiGateway(context, deployment, events);
        foreach (DeployedEvent deployed in deployment.Events)
        {
            AddEvent(context, deployed, region, events);
        }
        if (events.Items.Count > 0)
        {
            inputs.Add("events", events);
        }
        return inputs;
    }

    /// <summary>
    /// Every HTTP event (http and apigw alike: the component's only HTTP trigger is API Gateway) becomes an endpoint of
    /// one API Gateway service, with the integrated response the bootstrap's HTTP mapping expects. API Gateway matches
    /// by prefix, so <c>/items/*</c> is written as <c>/items</c>.
    /// </summary>
    private static void AddApiGateway(GenerationContext context, Deployment deployment, DocList events)
    {
        var endpoints = new DocList();
        foreach (DeployedEvent deployed in deployment.Events)
        {
            if (deployed.Event is not HttpEvent http)
            {
                continue;
            }
            foreach (string method in Routes.MethodsOr(http, "ANY"))
            {
                endpoints.Add(new DocMap()
                    .Add("path", Routes.TencentPrefix(Routes.PathOf(deployed, http)))
                    .Add("method", method)
                    .Add("function", new DocMap().Add("isIntegratedResponse", true)));
            }
        }
        if (endpoints.Items.Count == 0)
        {
            return;
        }
        events.Add(new DocMap().Add("apigw", new DocMap().Add("parameters", new DocMap()
            .Add("serviceName", GenerationContext.EnvironmentName($"{context.Spec.Service}_{context.Spec.Provider.Stage}").ToLowerInvariant())
            .Add("protocols", DocList.Of(["http", "https"]))
            .Add("environment", "release")
            .Add("endpoints", endpoints))));
    }

    private static void AddEvent(GenerationContext context, DeployedEvent deployed, string region, DocList events)
    {
        string name = deployed.Event.TriggerName;
        switch (deployed.Event)
        {
            case TimerEvent timer:
                string? cron = timer.Cron is { } c ? Schedules.WithSecondsAndYear(c) : null;
                if (timer.Rate is { } rate)
                {
                    string? asCron = Schedules.RateAsCron(rate);
                    if (asCron is null)
                    {
                        context.Unsupported(timer, "rate", "takes cron expressions only, and no cron fires exactly at this rate", "wrote the nearest cron that fires at the start of each hour or day");
                        (long count, string unit) = Schedules.LargestUnit(rate);
                        asCron = unit == "m" ? $"*/{count} * * * *" : unit == "h" ? $"0 */{count} * * *" : $"0 0 */{count} * *";
                    }
                    cron = Schedules.WithSecondsAndYear(asCron);
                }
                events.Add(new DocMap().Add("timer", new DocMap().Add("parameters", new DocMap()
                    .Add("name", name)
                    .Add("cronExpression", cron!)
                    .Add("enable", timer.Enabled)
                    .AddIf("argument", timer.Payload))));
                break;
            case ObjectStorageEvent os:
                // One cos trigger takes one event type; created and deleted are two triggers.
                foreach (string kind in os.Events)
                {
                    var filter = new DocMap().Add("prefix", os.Prefix ?? "").Add("suffix", os.Suffix ?? "");
                    events.Add(new DocMap().Add("cos", new DocMap().Add("parameters", new DocMap()
                        .Add("name", os.Events.Count == 1 ? name : $"{name}-{kind}")
                        .Add("bucket", os.Bucket.Contains('.') ? os.Bucket : $"{os.Bucket}.cos.{region}.myqcloud.com")
                        .Add("filter", filter)
                        .Add("events", kind == "deleted" ? "cos:ObjectRemove:*" : "cos:ObjectCreated:*")
                        .Add("enable", true))));
                }
                break;
            case QueueEvent mq:
                if (mq.BatchSize is not null)
                {
                    context.Unsupported(mq, "batchSize", "pushes CMQ topic messages one per invocation", "left it out");
                }
                var cmq = new DocMap().Add("name", mq.Topic).Add("enable", true);
                if (mq.FilterTag is not null)
                {
                    // filterType 1: filterKey holds message tags.
                    cmq.Add("filterType", 1).Add("filterKey", DocList.Of([mq.FilterTag]));
                }
                events.Add(new DocMap().Add("cmq", new DocMap().Add("parameters", cmq)));
                break;
            case LogEvent log:
                if (log.Filter is not null)
                {
                    context.Unsupported(log, "filter", "delivers every record of the CLS topic (no filter pattern)", "left it out");
                }
                // A CLS trigger names the log topic; the logset (project) is implied by it.
                events.Add(new DocMap().Add("cls", new DocMap().Add("parameters", new DocMap()
                    .Add("topicId", log.Store ?? log.Project)
                    .Add("enable", true))));
                break;
        }
    }
}
