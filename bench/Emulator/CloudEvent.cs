using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>A CloudEvents 1.0 event to send to a bootstrap (see <see cref="CloudRunEmulator"/>).</summary>
public sealed class CloudEvent
{
    /// <summary><c>id</c> (required).</summary>
    public required string Id { get; init; }

    /// <summary><c>source</c>, a URI-reference (required).</summary>
    public required string Source { get; init; }

    /// <summary><c>type</c> (required).</summary>
    public required string Type { get; init; }

    /// <summary><c>specversion</c>.</summary>
    public string SpecVersion { get; init; } = "1.0";

    /// <summary><c>subject</c>; omitted when null.</summary>
    public string? Subject { get; init; }

    /// <summary><c>time</c> as an RFC 3339 string (sent verbatim); omitted when null.</summary>
    public string? Time { get; init; }

    /// <summary><c>datacontenttype</c>; in binary mode it is the Content-Type header. Omitted when null.</summary>
    public string? DataContentType { get; init; }

    /// <summary><c>dataschema</c>; omitted when null.</summary>
    public string? DataSchema { get; init; }

    /// <summary>Event data bytes; none when empty.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Extension attributes (names: lower-case a–z and 0–9); values are strings.</summary>
    public IReadOnlyDictionary<string, string>? Extensions { get; init; }
}
