using System.Collections.Generic;

namespace Runtime.Light.Adapters.Http;

/// <summary>
/// The CloudEvent an HTTP request carried (binary or structured mode, CloudEvents 1.0 HTTP binding): its context
/// attributes. The event's data is <see cref="Runtime.Engine.FaaSContext.Event"/>. Read it with
/// <c>context.GetPlatformContext&lt;CloudEventContext&gt;()</c>.
/// </summary>
public sealed class CloudEventContext
{
    internal CloudEventContext(string id, string source, string specVersion, string type, string? dataContentType, string? subject,
        string? time, string? dataSchema, IReadOnlyDictionary<string, string> extensions)
    {
        Id = id;
        Source = source;
        SpecVersion = specVersion;
        Type = type;
        DataContentType = dataContentType;
        Subject = subject;
        Time = time;
        DataSchema = dataSchema;
        Extensions = extensions;
    }

    /// <summary><c>id</c>.</summary>
    public string Id { get; }

    /// <summary><c>source</c>.</summary>
    public string Source { get; }

    /// <summary><c>specversion</c> (1.0).</summary>
    public string SpecVersion { get; }

    /// <summary><c>type</c>.</summary>
    public string Type { get; }

    /// <summary><c>datacontenttype</c>.</summary>
    public string? DataContentType { get; }

    /// <summary><c>subject</c>.</summary>
    public string? Subject { get; }

    /// <summary><c>time</c> (RFC 3339 text, as sent).</summary>
    public string? Time { get; }

    /// <summary><c>dataschema</c>.</summary>
    public string? DataSchema { get; }

    /// <summary>Extension attributes (for example <c>traceparent</c>), as text.</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; }
}
