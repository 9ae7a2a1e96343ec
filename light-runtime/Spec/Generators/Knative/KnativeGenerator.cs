using System.Collections.Generic;
using System.Globalization;
using Runtime.Spec.Generators.Output;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators.Knative;

/// <summary>
/// Knative (and Cloud Run, which reads the same manifest): one multi-document <c>service.yaml</c> with a
/// <c>serving.knative.dev/v1</c> Service per deployment, a <c>PingSource</c> per timer and a <c>KafkaSource</c> per
/// queue event, each sinking into the deployment's Service. The image comes from
/// <see cref="GenerateOptions.ContainerImage"/>; layers are copied into the image beside bootstrap (<c>layers/</c>,
/// relative to the image's working directory) and <c>FAAS_LAYERS_DIR</c> points there. The timeout goes both to
/// <c>timeoutSeconds</c> and to <c>FAAS_TIMEOUT</c> (the platform enforces the one, the bootstrap learns only the other).
/// Schema: https://knative.dev/docs/serving/reference/serving-api/ (Service, RevisionSpec: containerConcurrency,
/// timeoutSeconds), https://knative.dev/docs/eventing/sources/ping-source/reference/ and
/// https://knative.dev/docs/eventing/sources/kafka-source/reference/.
/// </summary>
internal sealed class KnativeGenerator : ISpecGenerator
{
    public const string LayersDirectory = "layers";

    public CloudPlatform Platform => CloudPlatform.Knative;

    public GeneratedFiles Generate(ServiceSpec spec, IReadOnlyList<Deployment> deployments, GenerateOptions options)
    {
        var context = new GenerationContext("Knative", spec, options);
        var documents = new List<DocNode>();
        if (spec.Provider.Region is not null)
        {
            context.Unsupported(spec.Provider, "region", "takes the cluster (or Cloud Run region) from where the manifest is applied, not from the manifest", "left it out (use the kubectl context, or 'gcloud run services replace --region')");
        }
        foreach (Deployment deployment in deployments)
        {
            // PingSource and KafkaSource events carry the faastrigger extension (ceOverrides).
            context.RequireRoutableEvents(deployment, static e => e is TimerEvent or QueueEvent);
            string name = ResourceName(spec, deployment);
            documents.Add(Service(context, deployment, name));
            foreach (DeployedEvent deployed in deployment.Events)
            {
                if (Source(context, deployed, name) is { } source)
                {
                    documents.Add(source);
                }
            }
        }
        string text = YamlEmitter.WriteDocuments(documents, ["Generated from f.yml: edit f.yml and generate again instead of editing this file."]);
        return new GeneratedFiles([new GeneratedFile("service.yaml", text)], context.Diagnostics);
    }

    private static DocMap Service(GenerationContext context, Deployment deployment, string name)
    {
        var container = new DocMap()
            .Add("name", "function")
            .Add("image", context.Options.ContainerImage.Replace("{service}", context.Spec.Service, System.StringComparison.Ordinal)
                .Replace("{deployment}", deployment.Name, System.StringComparison.Ordinal));
        SortedDictionary<string, string> environment = context.Environment(deployment, LayersDirectory);
        if (deployment.Timeout is { } timeout)
        {
            // Knative answers 504 at timeoutSeconds but never tells the container: FAAS_TIMEOUT gives the bootstrap the
            // same deadline, so the function's token is cancelled and a hung handler is answered.
            environment["FAAS_TIMEOUT"] = timeout.ToString(CultureInfo.InvariantCulture);
        }
        if (environment.Count > 0)
        {
            var env = new DocList();
            foreach (KeyValuePair<string, string> entry in environment)
            {
                env.Add(new DocMap().Add("name", entry.Key).Add("value", entry.Value));
            }
            container.Add("env", env);
        }
        if (deployment.MemorySize is { } memory)
        {
            string quantity = string.Create(CultureInfo.InvariantCulture, $"{memory}Mi");
            container.Add("resources", new DocMap()
                .Add("requests", new DocMap().Add("memory", quantity))
                .Add("limits", new DocMap().Add("memory", quantity)));
        }
        var revision = new DocMap()
            .AddIf("containerConcurrency", deployment.Concurrency)
            .AddIf("timeoutSeconds", deployment.Timeout)
            .Add("containers", new DocList().Add(container));
        var template = new DocMap();
        if (deployment.InitTimeout is { } initTimeout)
        {
            // How long a new revision may take to become ready before Knative gives up on it.
            template.Add("metadata", new DocMap().Add("annotations", new DocMap()
                .Add("serving.knative.dev/progress-deadline", string.Create(CultureInfo.InvariantCulture, $"{initTimeout}s"))));
        }
        template.Add("spec", revision);
        foreach (DeployedEvent deployed in deployment.Events)
        {
            if (deployed.Event is not HttpEvent http)
            {
                continue;
            }
            if (http.ThroughApiGateway)
            {
                context.Unsupported(http, "apigw", "has no API gateway of its own", "served it on the Service's URL like 'http'");
            }
            // A Service takes every path and method; a group's routes are enforced by the bootstrap (faas-manifest.json).
            if (deployment.Group is null && !Routes.IsCatchAll(http.Path))
            {
                context.Unsupported(http, "path", "routes every path of the Service's URL to it", "served every path");
            }
            if (deployment.Group is null && http.Methods.Count > 0)
            {
                context.Unsupported(http, Routes.MethodField(http), "routes every method of the Service's URL to it", "served every method");
            }
        }
        return new DocMap()
            .Add("apiVersion", "serving.knative.dev/v1")
            .Add("kind", "Service")
            .Add("metadata", Metadata(context, name))
            .Add("spec", new DocMap().Add("template", template));
    }

    private static DocMap? Source(GenerationContext context, DeployedEvent deployed, string serviceName)
    {
        string name = $"{serviceName}-{deployed.Event.TriggerName}".ToLowerInvariant();
        DocMap sink = new DocMap().Add("ref", new DocMap()
            .Add("apiVersion", "serving.knative.dev/v1")
            .Add("kind", "Service")
            .Add("name", serviceName));
        switch (deployed.Event)
        {
            case TimerEvent timer:
                string? cron = timer.Cron ?? Schedules.RateAsCron(timer.Rate!.Value);
                if (cron is null)
                {
                    context.Unsupported(timer, "rate", "schedules PingSources by cron only, and no cron fires exactly at this rate", "wrote the nearest cron that restarts at each hour or day");
                    (long count, string unit) = Schedules.LargestUnit(timer.Rate!.Value);
                    cron = unit == "m" ? $"*/{count} * * * *" : unit == "h" ? $"0 */{count} * * *" : $"0 0 */{count} * *";
                }
                if (!timer.Enabled)
                {
                    context.Unsupported(timer, "enabled", "has no disabled PingSource", "left the PingSource out");
                    return null;
                }
                var ping = new DocMap()
                    .Add("schedule", cron)
                    .Add("timezone", "Etc/UTC");
                if (timer.Payload is not null)
                {
                    ping.Add("contentType", "text/plain").Add("data", timer.Payload);
                }
                ping.Add("sink", sink).Add("ceOverrides", TriggerOverride(deployed));
                return new DocMap()
                    .Add("apiVersion", "sources.knative.dev/v1")
                    .Add("kind", "PingSource")
                    .Add("metadata", Metadata(context, name))
                    .Add("spec", ping);
            case QueueEvent mq:
                if (context.Options.KafkaBootstrapServers.Count == 0)
                {
                    context.Error(mq, "topic", "a KafkaSource needs the Kafka bootstrap servers: pass them to the generator");
                }
                if (mq.BatchSize is not null)
                {
                    context.Unsupported(mq, "batchSize", "delivers Kafka records one per request", "left it out");
                }
                if (mq.FilterTag is not null)
                {
                    context.Unsupported(mq, "filterTag", "has no tags to filter Kafka records on", "left the filter out");
                }
                return new DocMap()
                    .Add("apiVersion", "sources.knative.dev/v1beta1")
                    .Add("kind", "KafkaSource")
                    .Add("metadata", Metadata(context, name))
                    .Add("spec", new DocMap()
                        .Add("consumerGroup", name)
                        .Add("bootstrapServers", DocList.Of(context.Options.KafkaBootstrapServers))
                        .Add("topics", DocList.Of([mq.Topic]))
                        .Add("sink", sink)
                        .Add("ceOverrides", TriggerOverride(deployed)));
            case ObjectStorageEvent os:
                context.Unsupported(os, "os", "has no object-storage event source in its core sources", "left the trigger out");
                return null;
            case LogEvent log:
                context.Unsupported(log, "log", "has no log-service event source", "left the trigger out");
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>ceOverrides</c> giving every event the source sends a <c>faastrigger</c> extension attribute with the f.yml
    /// trigger's name: an aggregated instance routes CloudEvents by it (the source's own attributes name none).
    /// Schema: the sources' common SourceSpec, https://knative.dev/docs/eventing/custom-event-source/sinkbinding/reference/#cloudeventoverrides.
    /// </summary>
    private static DocMap TriggerOverride(DeployedEvent deployed) =>
        new DocMap().Add("extensions", new DocMap().Add("faastrigger", deployed.Event.TriggerName));

    private static DocMap Metadata(GenerationContext context, string name)
    {
        var metadata = new DocMap().Add("name", name);
        if (context.Options.KubernetesNamespace is { } ns)
        {
            metadata.Add("namespace", ns);
        }
        return metadata.Add("labels", new DocMap()
            .Add("app.kubernetes.io/part-of", context.Spec.Service)
            .Add("app.kubernetes.io/instance", context.Spec.Provider.Stage));
    }

    /// <summary>A Kubernetes name (DNS-1035 label): <c>&lt;service&gt;-&lt;deployment&gt;</c>, lower case, '_' as '-'.</summary>
    private static string ResourceName(ServiceSpec spec, Deployment deployment) =>
        $"{spec.Service}-{deployment.Name}".ToLowerInvariant().Replace('_', '-');
}
