using System.Collections.Generic;
using System.Globalization;
using Runtime.Spec.Generators.Output;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators.Azure;

/// <summary>
/// Azure Functions custom handler: each deployment is a function app folder named like the app to create
/// (<c>&lt;service&gt;-&lt;stage&gt;-&lt;deployment&gt;/</c>, which is where f.yml's stage goes) with
/// <c>host.json</c> (custom handler <c>bootstrap</c>), one <c>&lt;trigger&gt;/function.json</c> per event (Azure allows one
/// trigger per function, so each f.yml event is an Azure function named after its trigger; the bootstrap maps the
/// name back through FAAS_HANDLER or faas-manifest.json) and <c>local.settings.json</c> holding the app settings
/// (the environment) to publish with the app. Azure has no layers: the package step puts them in <c>layers/</c> next to
/// bootstrap and <c>FAAS_LAYERS_DIR</c> points there (relative: the handler starts in the app's root).
/// Schema: https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers,
/// https://learn.microsoft.com/azure/azure-functions/functions-host-json and the binding pages
/// functions-bindings-http-webhook-trigger, functions-bindings-timer (NCRONTAB), functions-bindings-storage-blob-trigger,
/// functions-bindings-storage-queue-trigger.
/// </summary>
internal sealed class AzureFunctionsGenerator : ISpecGenerator
{
    public const string LayersDirectory = "layers";

    public CloudPlatform Platform => CloudPlatform.Azure;

    public GeneratedFiles Generate(ServiceSpec spec, IReadOnlyList<Deployment> deployments, GenerateOptions options)
    {
        var context = new GenerationContext("Azure Functions", spec, options);
        var files = new List<GeneratedFile>();
        if (spec.Provider.Region is not null)
        {
            context.Unsupported(spec.Provider, "region", "sets the region on the function app, not in host.json or function.json", "left it out (give it to 'az functionapp create --location')");
        }
        foreach (Deployment deployment in deployments)
        {
            Generate(context, deployment, files);
        }
        files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new GeneratedFiles(files, context.Diagnostics);
    }

    private static void Generate(GenerationContext context, Deployment deployment, List<GeneratedFile> files)
    {
        string root = context.FunctionName(deployment);
        bool onlyHttp = deployment.Events.Count > 0;
        bool anyHttp = false;
        int? queueBatch = null;
        foreach (DeployedEvent deployed in deployment.Events)
        {
            DocList? bindings = Bindings(context, deployed, ref queueBatch);
            bool http = deployed.Event is HttpEvent;
            anyHttp |= http;
            onlyHttp &= http;
            if (bindings is null)
            {
                continue;
            }
            var function = new DocMap().Add("bindings", bindings);
            if (deployed.Event is TimerEvent { Enabled: false })
            {
                function.Add("disabled", true);
            }
            files.Add(new GeneratedFile($"{root}/{deployed.Event.TriggerName}/function.json", JsonEmitter.Write(function)));
        }

        if (deployment.MemorySize is not null)
        {
            context.Unsupported(context.SourceOf(deployment, "memorySize"), "memorySize", "sizes memory by hosting plan, not per function", "left it out");
        }
        if (deployment.InitTimeout is not null)
        {
            context.Unsupported(context.SourceOf(deployment, "initTimeout"), "initTimeout", "has no start timeout for a custom handler", "left it out");
        }
        var customHandler = new DocMap()
            .Add("description", new DocMap()
                .Add("defaultExecutablePath", "bootstrap")
                .Add("workingDirectory", "")
                .Add("arguments", new DocList()))
            // Forwarding passes the original HTTP request through; Azure allows it only when every function is HTTP in, HTTP out.
            .Add("enableForwardingHttpRequest", onlyHttp);
        var host = new DocMap()
            .Add("version", "2.0")
            .Add("extensionBundle", new DocMap()
                .Add("id", "Microsoft.Azure.Functions.ExtensionBundle")
                .Add("version", "[4.*, 5.0.0)"))
            .Add("customHandler", customHandler);
        if (deployment.Timeout is { } timeout)
        {
            host.Add("functionTimeout", System.TimeSpan.FromSeconds(timeout).ToString("c", CultureInfo.InvariantCulture));
        }
        var extensions = new DocMap();
        if (anyHttp)
        {
            // No "api/" in front of routes: f.yml paths are the paths.
            var http = new DocMap().Add("routePrefix", "").AddIf("maxConcurrentRequests", deployment.Concurrency);
            extensions.Add("http", http);
        }
        else if (deployment.Concurrency is not null)
        {
            context.Unsupported(context.SourceOf(deployment, "concurrency"), "concurrency", "bounds concurrent requests only for HTTP triggers (extensions.http.maxConcurrentRequests)", "left it out");
        }
        if (queueBatch is { } batch)
        {
            extensions.Add("queues", new DocMap().Add("batchSize", batch));
        }
        if (extensions.Count > 0)
        {
            host.Add("extensions", extensions);
        }
        files.Add(new GeneratedFile($"{root}/host.json", JsonEmitter.Write(host)));

        SortedDictionary<string, string> environment = context.Environment(deployment, LayersDirectory);
        environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        var settings = new DocMap().Add("IsEncrypted", false).Add("Values", DocMap.Sorted(environment));
        files.Add(new GeneratedFile($"{root}/local.settings.json", JsonEmitter.Write(settings)));
    }

    private static DocList? Bindings(GenerationContext context, DeployedEvent deployed, ref int? queueBatch)
    {
        switch (deployed.Event)
        {
            case HttpEvent http:
                if (http.ThroughApiGateway)
                {
                    context.Unsupported(http, "apigw", "puts API Management in front of a function outside function.json", "wrote an HTTP trigger");
                }
                var trigger = new DocMap()
                    .Add("type", "httpTrigger")
                    .Add("direction", "in")
                    .Add("name", "req")
                    .Add("authLevel", "anonymous");
                if (http.Methods.Count > 0)
                {
                    var methods = new DocList();
                    foreach (string method in http.Methods)
                    {
                        methods.Add(method.ToLowerInvariant());
                    }
                    trigger.Add("methods", methods);
                }
                trigger.Add("route", Routes.Azure(Routes.PathOf(deployed, http)));
                return new DocList()
                    .Add(trigger)
                    .Add(new DocMap().Add("type", "http").Add("direction", "out").Add("name", "res"));
            case TimerEvent timer:
                string? cron = timer.Cron is { } c ? c : Schedules.RateAsCron(timer.Rate!.Value);
                if (cron is null)
                {
                    // A TimeSpan schedule exists but only on App Service plans; NCRONTAB works everywhere.
                    context.Unsupported(timer, "rate", "takes NCRONTAB schedules, and no cron fires exactly at this rate", "wrote the nearest cron that restarts at each hour or day");
                    (long count, string unit) = Schedules.LargestUnit(timer.Rate!.Value);
                    cron = unit == "m" ? $"*/{count} * * * *" : unit == "h" ? $"0 */{count} * * *" : $"0 0 */{count} * *";
                }
                if (timer.Payload is not null)
                {
                    context.Unsupported(timer, "payload", "passes no payload with a timer tick", "left it out");
                }
                return new DocList().Add(new DocMap()
                    .Add("type", "timerTrigger")
                    .Add("direction", "in")
                    .Add("name", "timer")
                    // NCRONTAB has a seconds field first; WEBSITE_TIME_ZONE unset means UTC, as f.yml's crons are.
                    .Add("schedule", Schedules.WithSeconds(cron)));
            case ObjectStorageEvent os:
                foreach (string kind in os.Events)
                {
                    if (kind == "deleted")
                    {
                        context.Unsupported(os, "events", "fires a blob trigger on new and updated blobs only, not on deletes", "left 'deleted' out");
                    }
                }
                return new DocList().Add(new DocMap()
                    .Add("type", "blobTrigger")
                    .Add("direction", "in")
                    .Add("name", "blob")
                    .Add("path", $"{os.Bucket}/{os.Prefix}{{name}}{os.Suffix}")
                    .Add("connection", "AzureWebJobsStorage"));
            case QueueEvent mq:
                if (mq.FilterTag is not null)
                {
                    context.Unsupported(mq, "filterTag", "has no message tags to filter Storage queue messages on", "left the filter out");
                }
                if (mq.BatchSize is { } batch)
                {
                    // Batch size is per app (host.json), not per queue: the largest asked for wins.
                    queueBatch = queueBatch is { } current ? System.Math.Max(current, batch) : batch;
                }
                return new DocList().Add(new DocMap()
                    .Add("type", "queueTrigger")
                    .Add("direction", "in")
                    .Add("name", "message")
                    .Add("queueName", mq.Topic)
                    .Add("connection", "AzureWebJobsStorage"));
            case LogEvent log:
                context.Unsupported(log, "log", "has no log-service trigger", "left the trigger out");
                return null;
            default:
                return null;
        }
    }
}
