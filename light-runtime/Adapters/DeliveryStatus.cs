namespace Runtime.Light.Adapters;

/// <summary>What the platform's answer to a posted result means.</summary>
internal enum DeliveryStatus
{
    /// <summary>Taken.</summary>
    Accepted,

    /// <summary>The invocation already timed out (AWS 410): the result is dropped; keep polling.</summary>
    Gone,

    /// <summary>The result is larger than the platform accepts: report an error instead.</summary>
    TooLarge,

    /// <summary>Refused for a reason of this invocation (unknown id, already answered): log it; keep polling.</summary>
    Rejected,

    /// <summary>The platform's API is broken (5xx): exit so the platform replaces the instance.</summary>
    Fatal,
}
