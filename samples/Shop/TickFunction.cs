using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine;
using Runtime.Engine.Functions.Annotations;

namespace Samples.Shop;

/// <summary>The timer function: a typed JSON event in, a typed JSON report out, both through <see cref="ShopJsonContext"/>.</summary>
public static class TickFunction
{
    [FaaSFunction("tick", Json = typeof(ShopJsonContext))]
    public static TickReport Handle(FaaSContext context, TimerTick tick)
    {
        IOrderStore store = context.Services.GetRequiredService<IOrderStore>();
        return new TickReport(context.HandlerName, tick.Time, store.Count);
    }
}
