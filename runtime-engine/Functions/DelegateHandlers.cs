using System;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Runtime.Engine.Http;

namespace Runtime.Engine.Functions;

/// <summary>A raw-bytes function given as a delegate.</summary>
internal sealed class RawDelegateHandler : IFunctionHandler
{
    private readonly Func<FaaSContext, ValueTask> _handler;

    public RawDelegateHandler(Func<FaaSContext, ValueTask> handler) => _handler = handler;

    public ValueTask InvokeAsync(FaaSContext context) => _handler(context);
}

/// <summary>A typed event function given as a delegate.</summary>
internal sealed class EventDelegateHandler<TEvent, TResult> : EventFunction<TEvent, TResult>
{
    private readonly Func<FaaSContext, TEvent, ValueTask<TResult>> _handler;

    public EventDelegateHandler(JsonTypeInfo<TEvent> eventType, JsonTypeInfo<TResult> resultType,
        Func<FaaSContext, TEvent, ValueTask<TResult>> handler)
        : base(eventType, resultType) => _handler = handler;

    public override ValueTask<TResult> HandleAsync(FaaSContext context, TEvent input) => _handler(context, input);
}

/// <summary>A typed event function without a result, given as a delegate; it answers with an empty body.</summary>
internal sealed class EventOnlyDelegateHandler<TEvent> : EventFunction<TEvent>
{
    private readonly Func<FaaSContext, TEvent, ValueTask> _handler;

    public EventOnlyDelegateHandler(JsonTypeInfo<TEvent> eventType, Func<FaaSContext, TEvent, ValueTask> handler)
        : base(eventType) => _handler = handler;

    public override ValueTask HandleAsync(FaaSContext context, TEvent input) => _handler(context, input);
}

/// <summary>An HTTP function given as a delegate.</summary>
internal sealed class HttpDelegateHandler : HttpFunction
{
    private readonly Func<FaaSContext, FaaSRequest, FaaSResponse, ValueTask> _handler;

    public HttpDelegateHandler(Func<FaaSContext, FaaSRequest, FaaSResponse, ValueTask> handler) => _handler = handler;

    public override ValueTask HandleAsync(FaaSContext context, FaaSRequest request, FaaSResponse response) =>
        _handler(context, request, response);
}
