using System.Collections.Generic;
using System.Globalization;
using Runtime.Spec.Generators.Output;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators.Huawei;

/// <summary>
/// Huawei FunctionGraph: one Serverless Devs <c>s.yaml</c> for the <c>fgs</c> component, runtime <c>Custom</c> with the
/// handler <c>bootstrap</c>. The component takes one <c>trigger</c> per resource, so a deployment's first trigger sits on
/// its resource and every further trigger gets a resource of its own that repeats the same function (deploying it again
/// changes nothing) with that trigger.
/// Schema: https://github.com/zy-linn/fgs-component/blob/main/docs/zh/yaml/function.md and trigger.md (APIG, OBS,
/// TIMER), https://support.huaweicloud.com/intl/en-us/usermanual-functiongraph/functiongraph_01_0908.html (cron).
/// </summary>
internal sealed class FunctionGraphGenerator : ISpecGenerator
{
    public CloudPlatform Platform => CloudPlatform.Huawei;

    public GeneratedFiles Generate(ServiceSpec spec, IReadOnlyList<Deployment> deployments, GenerateOptions options)
    {
        var context = new GenerationContext("Huawei FunctionGraph", spec, options);
        string region = spec.Provider.Region ?? "cn-north-4";
        var resources = new DocMap();
        foreach (Deployment deployment in deployments)
        {
            // Timer events carry trigger_name; OBS events carry none.
            context.RequireRoutableEvents(deployment, static e => e is TimerEvent);
            DocMap function = Function(context, deployment);
            var triggers = new List<(string Name, DocMap Trigger)>();
            if (ApiGatewayTrigger(context, deployment) is { } apig)
            {
                triggers.Add(("http", apig));
            }
            foreach (DeployedEvent deployed in deployment.Events)
            {
                if (Trigger(context, deployed) is { } trigger)
                {
                    triggers.Add((deployed.Event.TriggerName, trigger));
                }
            }
            var props = new DocMap().Add("region", region).Add("function", function);
            if (triggers.Count > 0)
            {
                props.Add("trigger", triggers[0].Trigger);
            }
            resources.Add(deployment.Name, new DocMap().Add("component", "fgs").Add("props", props));
            for (int i = 1; i < triggers.Count; i++)
            {
                resources.Add($"{deployment.Name}--{triggers[i].Name}", new DocMap().Add("component", "fgs").Add("props", new DocMap()
                    .Add("region", region)
                    .Add("function", function)
                    .Add("trigger", triggers[i].Trigger)));
            }
        }
        var root = new DocMap()
            .Add("edition", "1.0.0")
            .Add("name", spec.Service)
            .Add("access", "default")
            .Add("services", resources);
        string text = YamlEmitter.Write(root, ["Generated from f.yml: edit f.yml and generate again instead of editing this file."]);
        return new GeneratedFiles([new GeneratedFile("s.yaml", text)], context.Diagnostics);
    }

    private static DocMap Function(GenerationContext context, Deployment deployment)
    {
        var function = new DocMap()
            .Add("functionName", context.FunctionName(deployment))
            .Add("handler", "bootstrap")
            .Add("runtime", "Custom")
            // Both are required by the component; these are FunctionGraph's console defaults.
            .Add("memorySize", deployment.MemorySize ?? 128)
            .Add("timeout", deployment.Timeout ?? 30)
            .Add("codeType", "zip")
            .Add("code", new DocMap().Add("codeUri", $"{context.Options.ArtifactsDirectory}/{deployment.Name}"))
            .AddIf("concurrentNum", deployment.Concurrency);
        if (deployment.InitTimeout is not null)
        {
            // initializerTimeout only applies with an initializerHandler, which a custom runtime does not have.
            context.Unsupported(context.SourceOf(deployment, "initTimeout"), "initTimeout", "has no start timeout for a custom runtime (only for an initializer handler)", "left it out");
        }
        SortedDictionary<string, string> environment = context.Environment(deployment);
        if (environment.Count > 0)
        {
            function.Add("environmentVariables", DocMap.Sorted(environment));
        }
        if (deployment.Layers.Count > 0)
        {
            // A dependency zip holding layers/<name>/ unpacks under /opt, so the bootstrap finds /opt/layers/<name>.
            DocList dependencies = context.PublishedLayers(deployment, static (_, id) => DocScalar.String(id),
                static layer => $"s.yaml can only refer to a published FunctionGraph dependency: give layer '{layer.Name}' its dependency version id in the layer references");
            function.Add("dependVersionList", dependencies);
        }
        return function;
    }

    private static DocMap? Trigger(GenerationContext context, DeployedEvent deployed)
    {
        string name = deployed.Event.TriggerName;
        switch (deployed.Event)
        {
            case TimerEvent timer:
                var timerData = new DocMap().Add("name", name);
                if (timer.Rate is { } rate)
                {
                    (long count, string unit) = Schedules.LargestUnit(rate);
                    // Rate takes 1–60 minutes, 1–24 hours or 1–30 days; anything else as a Cron-type "@every".
                    bool fits = unit switch { "m" => count <= 60, "h" => count <= 24, _ => count <= 30 };
                    timerData.Add("scheduleType", fits ? "Rate" : "Cron")
                        .Add("schedule", fits ? string.Create(CultureInfo.InvariantCulture, $"{count}{unit}") : Schedules.Every(rate));
                }
                else
                {
                    timerData.Add("scheduleType", "Cron").Add("schedule", Schedules.WithSeconds(timer.Cron!));
                }
                timerData.AddIf("userEvent", timer.Payload);
                return Make("TIMER", timer.Enabled, timerData);
            case ObjectStorageEvent os:
                var obsEvents = new DocList();
                foreach (string kind in os.Events)
                {
                    obsEvents.Add(kind == "deleted" ? "s3:ObjectRemoved:*" : "s3:ObjectCreated:*");
                }
                return Make("OBS", true, new DocMap()
                    .Add("bucket", os.Bucket)
                    .Add("events", obsEvents)
                    .Add("name", name)
                    .AddIf("prefix", os.Prefix)
                    .AddIf("suffix", os.Suffix));
            case QueueEvent mq:
                context.Unsupported(mq, "mq", "has no DMS trigger in the fgs component's s.yaml (APIG, OBS and TIMER only)", "left the trigger out (create it in the console)");
                return null;
            case LogEvent log:
                context.Unsupported(log, "log", "has no LTS trigger in the fgs component's s.yaml (APIG, OBS and TIMER only)", "left the trigger out (create it in the console)");
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The component's APIG trigger has no path or method: its API passes every request to the function. So every HTTP
    /// event of a deployment (http and apigw alike) shares one trigger; a group's routes are enforced by the bootstrap
    /// (faas-manifest.json), a lone function's path and methods cannot be kept.
    /// </summary>
    private static DocMap? ApiGatewayTrigger(GenerationContext context, Deployment deployment)
    {
        bool any = false;
        foreach (DeployedEvent deployed in deployment.Events)
        {
            if (deployed.Event is not HttpEvent http)
            {
                continue;
            }
            any = true;
            if (deployment.Group is null && !Routes.IsCatchAll(http.Path))
            {
                context.Unsupported(http, "path", "sets no path on the APIG trigger in s.yaml (every path reaches the function)", "wrote a trigger for every path");
            }
            if (deployment.Group is null && http.Methods.Count > 0)
            {
                context.Unsupported(http, Routes.MethodField(http), "sets no method on the APIG trigger in s.yaml (every method reaches the function)", "wrote a trigger for every method");
            }
        }
        if (!any)
        {
            return null;
        }
        // APIG's backend timeout is at most 60 s, in milliseconds.
        int timeoutMs = System.Math.Min(60000, (deployment.Timeout ?? 30) * 1000);
        return Make("APIG", true, new DocMap()
            .Add("name", GenerationContext.EnvironmentName(deployment.Name))
            .Add("auth", "NONE")
            .Add("protocol", "HTTPS")
            .Add("timeout", timeoutMs));
    }

    private static DocMap Make(string type, bool enabled, DocMap eventData) => new DocMap()
        .Add("triggerTypeCode", type)
        .Add("status", enabled ? "ACTIVE" : "DISABLED")
        .Add("eventData", eventData);
}
