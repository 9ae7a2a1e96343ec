namespace Runtime.Spec.Model;

/// <summary>
/// One entry of a function's <c>events</c>: a one-key mapping whose key says the kind
/// (<c>http</c>, <c>apigw</c>, <c>timer</c>, <c>os</c>, <c>mq</c>, <c>log</c>).
/// </summary>
public abstract class EventSpec : SpecNode
{
    /// <summary>The f.yml key of this kind of event.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// The trigger's name on the cloud, unique in the service: <c>name</c> when set, else
    /// <c>&lt;function&gt;-&lt;kind&gt;-&lt;index&gt;</c>, the index being the event's position in the function's
    /// <c>events</c> list (from 0, whatever the kinds before it). An aggregated instance maps
    /// it back to the function (it is written to the run-time manifest).
    /// </summary>
    public required string TriggerName { get; init; }
}
