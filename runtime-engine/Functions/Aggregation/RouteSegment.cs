namespace Runtime.Engine.Functions.Aggregation;

/// <summary>One segment of a compiled route template: a literal's text, or a parameter's name.</summary>
internal readonly record struct RouteSegment(RouteSegmentKind Kind, string Text);
