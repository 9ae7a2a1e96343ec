namespace Runtime.Emulator;

/// <summary>What the runtime posted to <c>/runtime/init/error</c>.</summary>
public sealed class InitErrorReport
{
    internal InitErrorReport(RecordedRequest request, string bodyText, string? errorTypeHeader, string? contentType)
    {
        Request = request;
        BodyText = bodyText;
        ErrorTypeHeader = errorTypeHeader;
        ContentType = contentType;
    }

    /// <summary>Body bytes.</summary>
    public byte[] Body => Request.Body;

    /// <summary>Body decoded as UTF-8.</summary>
    public string BodyText { get; }

    /// <summary><c>Lambda-Runtime-Function-Error-Type</c> request header, if sent.</summary>
    public string? ErrorTypeHeader { get; }

    /// <summary>Content-Type request header, if sent.</summary>
    public string? ContentType { get; }

    /// <summary>The full request (headers, timestamp).</summary>
    public RecordedRequest Request { get; }
}
