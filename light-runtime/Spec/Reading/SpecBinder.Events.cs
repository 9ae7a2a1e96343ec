using System;
using System.Collections.Generic;
using System.Linq;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;
using Runtime.Spec.Yaml;

namespace Runtime.Spec.Reading;

internal sealed partial class SpecBinder
{
    private static readonly string[] s_eventKinds = ["http", "apigw", "timer", "os", "mq", "log"];
    private static readonly string[] s_storageEvents = ["created", "deleted"];
    private const string EventExpected = "a one-key mapping: http, apigw, timer, os, mq or log";

    private List<EventSpec> Events(Fields fields, string function)
    {
        var events = new List<EventSpec>();
        YamlEntry? entry = fields.Entry("events", "a list of events");
        if (entry is null)
        {
            return events;
        }
        if (entry.Value is not YamlSequence sequence)
        {
            Bag.Error(entry.Value.Location, $"'events' must be a list of events ('- http: ...'); got {entry.Value.Describe()}");
            return events;
        }
        for (int index = 0; index < sequence.Items.Count; index++)
        {
            YamlNode item = sequence.Items[index];
            if (item is not YamlMapping { Entries.Count: 1 } one)
            {
                string got = item is YamlMapping many ? (many.Entries.Count == 0 ? "an empty mapping" : $"{many.Entries.Count} keys") : item.Describe();
                string hint = item is YamlMapping { Entries.Count: > 1 } ? " (indent the event's settings under its kind)" : "";
                Bag.Error(item.Location, $"an event must be {EventExpected}; got {got}{hint}");
                continue;
            }
            YamlEntry kind = one.Entries[0];
            if (Event(kind, function, index) is { } spec)
            {
                events.Add(spec);
            }
        }
        return events;
    }

    private EventSpec? Event(YamlEntry kind, string function, int index)
    {
        string name = kind.Key.Value;
        if (!s_eventKinds.Contains(name))
        {
            Bag.Error(kind.Key.Location, $"unknown event '{name}'; expected {Words.OneOf(s_eventKinds)}{KeySuggestion.Hint(name, s_eventKinds)}");
            return null;
        }
        YamlMapping body;
        if (kind.Value is YamlMapping mapping)
        {
            body = mapping;
        }
        else if (kind.Value is YamlScalar { IsNull: true } && name is "http" or "apigw")
        {
            // "- http:" alone: every path, every method.
            body = new YamlMapping(kind.Key.Location);
        }
        else
        {
            Bag.Error(kind.Value is YamlScalar { IsNull: true } ? kind.Key.Location : kind.Value.Location,
                $"the {name} event must be a mapping of its settings; got {kind.Value.Describe()}");
            return null;
        }
        var fields = new Fields(body, $"the {name} event of function '{function}'", kind.Key.Location, this);
        string trigger = TriggerName(fields, function, name, index, kind.Key.Location);
        EventSpec spec = name switch
        {
            "http" or "apigw" => Http(fields, name == "apigw", trigger, kind.Key.Location),
            "timer" => Timer(fields, trigger, kind.Key.Location),
            "os" => Storage(fields, trigger, kind.Key.Location),
            "mq" => new QueueEvent
            {
                Location = kind.Key.Location,
                TriggerName = trigger,
                Topic = fields.String("topic", "the queue or topic name", required: true) ?? "",
                BatchSize = fields.Int("batchSize", 1, 10000, ""),
                FilterTag = fields.String("filterTag", "a message tag"),
            },
            _ => new LogEvent
            {
                Location = kind.Key.Location,
                TriggerName = trigger,
                Project = fields.String("project", "the log project (log group)", required: true) ?? "",
                Store = fields.String("store", "the log store (topic)"),
                Filter = fields.String("filter", "a filter pattern"),
            },
        };
        fields.Finish(spec);
        return spec;
    }

    private string TriggerName(Fields fields, string function, string kind, int index, SpecLocation location)
    {
        if (Name(fields, "name", "trigger name") is { } named)
        {
            return named;
        }
        string name = $"{function}-{kind}-{index}";
        if (!fields.Has("name") && name.Length > NameRules.MaxLength)
        {
            Bag.Error(location, $"the default trigger name '{name}' is {name.Length} characters long (at most {NameRules.MaxLength}); give the event a shorter 'name'");
        }
        return name;
    }

    private HttpEvent Http(Fields fields, bool apigw, string trigger, SpecLocation location)
    {
        const string pathExpected = "a path starting with '/'";
        string path = "/*";
        if (fields.Entry("path", pathExpected) is { } pathEntry && Text(pathEntry.Value, "path", pathExpected) is { } text)
        {
            if (HttpPathRules.PathProblem(text) is { } problem)
            {
                Bag.Error(pathEntry.Value.Location, $"path '{text}' {problem}");
            }
            path = text;
        }
        string methodsExpected = $"a method or a list of methods ({HttpMethods.Expected})";
        List<(string, SpecLocation)>? items = fields.StringList("method", methodsExpected);
        if (fields.Has("methods"))
        {
            if (items is not null)
            {
                Bag.Error(fields.KeyLocation("methods"), "the event has both 'method' and 'methods'; keep one");
            }
            items = fields.StringList("methods", methodsExpected);
        }
        return new HttpEvent
        {
            Location = location,
            TriggerName = trigger,
            ThroughApiGateway = apigw,
            Path = path,
            Methods = Methods(items ?? []),
        };
    }

    private List<string> Methods(List<(string Text, SpecLocation Location)> items)
    {
        var methods = new List<string>();
        bool any = false;
        foreach ((string text, SpecLocation location) in items)
        {
            string method = text.ToUpperInvariant();
            if (!HttpMethods.IsKnown(method))
            {
                Bag.Error(location, $"unknown HTTP method '{text}'; expected {HttpMethods.Expected}{KeySuggestion.Hint(method, HttpMethods.All)}");
            }
            else if (method == HttpMethods.Any ? any || methods.Count > 0 : any)
            {
                Bag.Error(location, "ANY cannot be listed with other methods: it already means every method");
            }
            else if (methods.Contains(method))
            {
                Bag.Error(location, $"method '{text}' is listed twice");
            }
            else if (method == HttpMethods.Any)
            {
                any = true;
            }
            else
            {
                methods.Add(method);
            }
        }
        return methods;
    }

    private TimerEvent Timer(Fields fields, string trigger, SpecLocation location)
    {
        const string cronExpected = "five fields: minute hour day-of-month month day-of-week";
        const string rateExpected = "<n>m, <n>h or <n>d";
        string? cron = null;
        TimeSpan? rate = null;
        YamlEntry? cronEntry = fields.Entry("cron", cronExpected);
        if (cronEntry is not null && Text(cronEntry.Value, "cron", cronExpected) is { } cronText)
        {
            if (CronRules.Problem(cronText) is { } problem)
            {
                Bag.Error(cronEntry.Value.Location, $"cron '{cronText}' {problem}");
            }
            cron = cronText;
        }
        YamlEntry? rateEntry = fields.Entry("rate", rateExpected);
        if (rateEntry is not null && Text(rateEntry.Value, "rate", rateExpected) is { } rateText)
        {
            if (RateRules.Parse(rateText, out TimeSpan interval) is { } problem)
            {
                Bag.Error(rateEntry.Value.Location, $"rate '{rateText}' {problem}");
            }
            else
            {
                rate = interval;
            }
        }
        if (fields.Has("cron") && fields.Has("rate"))
        {
            Bag.Error(rateEntry?.Key.Location ?? location, "the timer has both 'cron' and 'rate'; expected one of them");
        }
        else if (!fields.Has("cron") && !fields.Has("rate"))
        {
            Bag.Error(location, "the timer has neither 'cron' nor 'rate'; expected one of them");
        }
        return new TimerEvent
        {
            Location = location,
            TriggerName = trigger,
            Cron = cron,
            Rate = rate,
            Payload = fields.String("payload", "a string"),
            Enabled = fields.Bool("enabled") ?? true,
        };
    }

    private ObjectStorageEvent Storage(Fields fields, string trigger, SpecLocation location)
    {
        string bucket = fields.String("bucket", "the bucket name", required: true) ?? "";
        var events = new List<string>();
        if (fields.StringList("events", "created and/or deleted") is { } items)
        {
            foreach ((string text, SpecLocation itemLocation) in items)
            {
                if (!s_storageEvents.Contains(text))
                {
                    Bag.Error(itemLocation, $"unknown storage event '{text}'; expected created or deleted{KeySuggestion.Hint(text, s_storageEvents)}");
                }
                else if (events.Contains(text))
                {
                    Bag.Error(itemLocation, $"storage event '{text}' is listed twice");
                }
                else
                {
                    events.Add(text);
                }
            }
            if (items.Count == 0)
            {
                Bag.Error(location, "'events' is empty; expected created and/or deleted (leave it out for created)");
            }
        }
        return new ObjectStorageEvent
        {
            Location = location,
            TriggerName = trigger,
            Bucket = bucket,
            Events = events.Count > 0 ? events : ["created"],
            Prefix = fields.String("prefix", "a key prefix"),
            Suffix = fields.String("suffix", "a key suffix"),
        };
    }
}
