using System;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Functions;
using Runtime.Engine.Functions.Annotations;
using Runtime.Engine.Http;
using Serilog;

namespace Samples.Shop;

/// <summary>
/// <c>POST /orders</c>: reads an <see cref="Order"/> from the JSON body and answers <c>201</c> with a <see cref="Receipt"/>.
/// Built per invocation (from the invocation's scope), with the store injected.
/// </summary>
public sealed class OrdersFunction
{
    private readonly IOrderStore _store;

    public OrdersFunction(IOrderStore store) => _store = store;

    [FaaSFunction("orders", Lifetime = FunctionLifetime.PerInvocation)]
    public ValueTask PostAsync(FaaSContext context, FaaSRequest request, FaaSResponse response)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = 405;
            response.Headers.Add("Allow", "POST");
            return ValueTask.CompletedTask;
        }
        Order? order;
        try
        {
            order = request.Body.IsEmpty ? null : JsonSerializer.Deserialize(request.Body.Span, ShopJsonContext.Default.Order);
        }
        catch (JsonException)
        {
            // A malformed body is the caller's mistake: answer 400 and keep serving.
            order = null;
        }
        if (order is null || string.IsNullOrEmpty(order.Sku) || order.Quantity <= 0)
        {
            response.StatusCode = 400;
            response.ContentType = "text/plain; charset=utf-8";
            response.Write("Send {\"sku\": \"...\", \"quantity\": n} with n > 0.");
            return ValueTask.CompletedTask;
        }
        var receipt = new Receipt(_store.Add(order), order.Sku, order.Quantity);
        response.StatusCode = 201;
        response.ContentType = "application/json";
        response.Write(JsonSerializer.SerializeToUtf8Bytes(receipt, ShopJsonContext.Default.Receipt));
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs once at FunctionStart of <c>orders</c>, before its first invocation.</summary>
    [FaaSInitializer("orders")]
    public static void Ready(IOrderStore store, ILogger logger) =>
        logger.ForContext<OrdersFunction>().Information("Orders ready, {OrderCount} placed so far", store.Count);
}
