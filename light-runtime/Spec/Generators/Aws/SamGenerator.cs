using System.Collections.Generic;
using Runtime.Spec.Generators.Output;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators.Aws;

/// <summary>
/// AWS: one SAM template (<c>template.yaml</c>), one <c>AWS::Serverless::Function</c> per deployment on the
/// <c>provided.al2023</c> OS-only runtime, one <c>AWS::Serverless::LayerVersion</c> per layer.
/// Schema: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
/// and the event source pages under sam-property-function-*.html (HttpApi, Api, Schedule, S3, SQS, CloudWatchLogs).
/// </summary>
internal sealed class SamGenerator : ISpecGenerator
{
    private const string Runtime = "provided.al2023";

    public CloudPlatform Platform => CloudPlatform.Aws;

    public GeneratedFiles Generate(ServiceSpec spec, IReadOnlyList<Deployment> deployments, GenerateOptions options)
    {
        var context = new GenerationContext("AWS Lambda", spec, options);
        var resources = new DocMap();
        var layers = new SortedDictionary<string, LayerSpec>(System.StringComparer.Ordinal);
        var buckets = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (Deployment deployment in deployments)
        {
            // A scheduled event names its rule (named after the trigger); S3, SQS and CloudWatch Logs events name none.
            context.RequireRoutableEvents(deployment, static e => e is TimerEvent);
            foreach (LayerSpec layer in deployment.Layers)
            {
                layers[layer.Name] = layer;
            }
            resources.Add(GenerationContext.PascalCase(deployment.Name), Function(context, deployment, buckets));
        }
        foreach (LayerSpec layer in layers.Values)
        {
            resources.Add(LayerId(layer), new DocMap()
                .Add("Type", "AWS::Serverless::LayerVersion")
                .Add("Properties", new DocMap()
                    .Add("LayerName", $"{spec.Service}-{spec.Provider.Stage}-{layer.Name}")
                    // The package step zips layers/<name>/ at the root, so Lambda unpacks it to /opt/layers/<name>.
                    .Add("ContentUri", $"{options.ArtifactsDirectory}/layers/{layer.Name}")
                    .Add("CompatibleRuntimes", DocList.Of([Runtime]))
                    .Add("CompatibleArchitectures", DocList.Of([options.Architecture]))));
        }
        foreach (string bucket in buckets)
        {
            // SAM's S3 event only accepts a bucket declared in the same template (sam-property-function-s3.html).
            resources.Add(BucketId(bucket), new DocMap()
                .Add("Type", "AWS::S3::Bucket")
                .Add("Properties", new DocMap().Add("BucketName", bucket)));
        }

        var template = new DocMap()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Transform", "AWS::Serverless-2016-10-31")
            .Add("Description", $"{spec.Service} ({spec.Provider.Stage}), generated from {System.IO.Path.GetFileName(spec.SourcePath)}")
            .Add("Resources", resources);
        var header = new List<string> { "Generated from f.yml: edit f.yml and generate again instead of editing this file." };
        if (spec.Provider.Region is { } region)
        {
            // A template has no region of its own: it is the stack's, chosen when deploying.
            header.Add($"Deploy with: sam deploy --region {region}");
        }
        string text = YamlEmitter.Write(template, header);
        return new GeneratedFiles([new GeneratedFile("template.yaml", text)], context.Diagnostics);
    }

    private static DocMap Function(GenerationContext context, Deployment deployment, SortedSet<string> buckets)
    {
        var properties = new DocMap()
            .Add("FunctionName", context.FunctionName(deployment))
            .Add("Runtime", Runtime)
            // An OS-only runtime runs the file named bootstrap; Handler is only passed on as _HANDLER.
            .Add("Handler", "bootstrap")
            .Add("CodeUri", $"{context.Options.ArtifactsDirectory}/{deployment.Name}")
            .Add("Architectures", DocList.Of([context.Options.Architecture]))
            .AddIf("MemorySize", deployment.MemorySize)
            .AddIf("Timeout", deployment.Timeout);
        if (deployment.InitTimeout is not null)
        {
            // Lambda's init phase has a fixed limit (10 s, then it is retried inside the first invoke's timeout).
            context.Unsupported(context.SourceOf(deployment, "initTimeout"), "initTimeout", "has no setting for the start timeout (init is capped at 10 s)", "left it out");
        }
        if (deployment.Concurrency is > 1)
        {
            // An execution environment serves one invocation at a time (Managed Instances aside).
            context.Unsupported(context.SourceOf(deployment, "concurrency"), "concurrency", "serves one invocation per instance", "left it out");
        }
        SortedDictionary<string, string> environment = context.Environment(deployment);
        if (environment.Count > 0)
        {
            properties.Add("Environment", new DocMap().Add("Variables", DocMap.Sorted(environment)));
        }
        if (deployment.Layers.Count > 0)
        {
            var layers = new DocList();
            foreach (LayerSpec layer in deployment.Layers)
            {
                layers.Add(new DocMap().Add("Ref", LayerId(layer)));
            }
            properties.Add("Layers", layers);
        }
        var events = new DocMap();
        foreach (DeployedEvent deployed in deployment.Events)
        {
            AddEvent(context, deployment, deployed, events, buckets);
        }
        if (events.Count > 0)
        {
            properties.Add("Events", events);
        }
        return new DocMap().Add("Type", "AWS::Serverless::Function").Add("Properties", properties);
    }

    private static void AddEvent(GenerationContext context, Deployment deployment, DeployedEvent deployed, DocMap events, SortedSet<string> buckets)
    {
        string id = GenerationContext.PascalCase(deployed.Event.TriggerName);
        switch (deployed.Event)
        {
            case HttpEvent http:
                IReadOnlyList<string> methods = Routes.MethodsOr(http, "ANY");
                for (int i = 0; i < methods.Count; i++)
                {
                    // HttpApi (payload 2.0) for http, the REST API (payload 1.0) for apigw; one event per method.
                    var properties = new DocMap()
                        .Add("Path", Routes.ApiGateway(Routes.PathOf(deployed, http)))
                        .Add("Method", http.Methods.Count == 0 ? "ANY" : methods[i].ToLowerInvariant());
                    events.Add(methods.Count == 1 ? id : id + GenerationContext.PascalCase(methods[i].ToLowerInvariant()), new DocMap()
                        .Add("Type", http.ThroughApiGateway ? "Api" : "HttpApi")
                        .Add("Properties", properties));
                }
                break;
            case TimerEvent timer:
                string? schedule = timer.Rate is { } rate ? Schedules.AwsRate(rate) : Schedules.Aws(timer.Cron!);
                if (schedule is null)
                {
                    context.Unsupported(timer, "cron", "cannot restrict both the day of the month and the day of the week (one must be '?')", "kept the day of the month and wrote '?' for the day of the week");
                    string[] f = timer.Cron!.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
                    schedule = $"cron({f[0]} {f[1]} {f[2]} {f[3]} ? *)";
                }
                var scheduleProperties = new DocMap().Add("Schedule", schedule);
                if (deployment.Group is not null)
                {
                    // An aggregated instance routes a scheduled event by its rule's name (the last part of the ARN in
                    // 'resources'), so the rule is named after the trigger; EventBridge rule names are unique per bus
                    // and region, so two stages of one group cannot share an account and region.
                    scheduleProperties.Add("Name", deployed.Event.TriggerName);
                }
                if (timer.Payload is not null)
                {
                    // Input must be JSON: the payload arrives as a JSON string.
                    scheduleProperties.Add("Input", JsonEmitter.Write(DocScalar.String(timer.Payload)).TrimEnd('\n'));
                }
                if (!timer.Enabled)
                {
                    scheduleProperties.Add("Enabled", false);
                }
                events.Add(id, new DocMap().Add("Type", "Schedule").Add("Properties", scheduleProperties));
                break;
            case ObjectStorageEvent os:
                buckets.Add(os.Bucket);
                var s3Events = new DocList();
                foreach (string name in os.Events)
                {
                    s3Events.Add(name == "deleted" ? "s3:ObjectRemoved:*" : "s3:ObjectCreated:*");
                }
                var s3 = new DocMap()
                    .Add("Bucket", new DocMap().Add("Ref", BucketId(os.Bucket)))
                    .Add("Events", s3Events);
                var rules = new DocList();
                if (os.Prefix is not null)
                {
                    rules.Add(new DocMap().Add("Name", "prefix").Add("Value", os.Prefix));
                }
                if (os.Suffix is not null)
                {
                    rules.Add(new DocMap().Add("Name", "suffix").Add("Value", os.Suffix));
                }
                if (rules.Items.Count > 0)
                {
                    s3.Add("Filter", new DocMap().Add("S3Key", new DocMap().Add("Rules", rules)));
                }
                events.Add(id, new DocMap().Add("Type", "S3").Add("Properties", s3));
                break;
            case QueueEvent mq:
                DocNode queue = mq.Topic.StartsWith("arn:", System.StringComparison.Ordinal)
                    ? DocScalar.String(mq.Topic)
                    : new DocMap().Add("Fn::Sub", $"arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:${{AWS::AccountId}}:{mq.Topic}");
                var sqs = new DocMap().Add("Queue", queue).AddIf("BatchSize", mq.BatchSize);
                if (mq.FilterTag is not null)
                {
                    context.Unsupported(mq, "filterTag", "has no message tags to filter SQS messages on", "left the filter out");
                }
                events.Add(id, new DocMap().Add("Type", "SQS").Add("Properties", sqs));
                break;
            case LogEvent log:
                if (log.Store is not null)
                {
                    context.Unsupported(log, "store", "subscribes to a whole CloudWatch Logs group, with no store inside it", "subscribed to the whole log group");
                }
                events.Add(id, new DocMap().Add("Type", "CloudWatchLogs").Add("Properties", new DocMap()
                    .Add("LogGroupName", log.Project)
                    .Add("FilterPattern", log.Filter ?? "")));
                break;
        }
    }

    private static string LayerId(LayerSpec layer) => GenerationContext.PascalCase(layer.Name) + "Layer";

    private static string BucketId(string bucket) => GenerationContext.PascalCase(bucket) + "Bucket";
}
