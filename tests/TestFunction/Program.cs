using System;
using System.Buffers;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Http;
using Runtime.Light;
using Samples.Echo;

var builder = FaaSHost.CreateBuilder(args);
builder.Functions
    .AddRaw("echo", EchoFunction.HandleAsync)
    .AddEvent("typed", TestJson.Default.Order, TestJson.Default.Receipt,
        (ctx, order) => ValueTask.FromResult(new Receipt(order.Id, order.Quantity * 10)))
    .AddHttp("hello", (ctx, request, response) =>
    {
        response.ContentType = "text/plain";
        response.Cookies.Add("seen=1; Path=/");
        response.Write("Hello, " + (request.Query["name"] ?? "world") + "!");
        return ValueTask.CompletedTask;
    })
    .AddEvent("big", TestJson.Default.Big, (ctx, big) =>
    {
        // Writes big.Mb megabytes of 'x' inside a JSON string.
        ctx.Output.Write("\""u8);
        for (int i = 0; i < big.Mb * 1024; i++)
        {
            ctx.Output.Write(Kilobyte.Bytes);
        }
        ctx.Output.Write("\""u8);
        return ValueTask.CompletedTask;
    })
    .AddEvent("concurrent", TestJson.Default.GateRequest, async (ctx, gate) =>
    {
        // Returns once gate.Expected invocations are inside at once (or after 20 s), and answers how many were.
        ConcurrencyGate.Enter(gate.Expected);
        await ConcurrencyGate.WaitForAsync(TimeSpan.FromSeconds(20));
        ConcurrencyGate.Leave();
        ctx.Output.Write(System.Text.Encoding.UTF8.GetBytes("{\"seen\":" + ConcurrencyGate.MaxSeen + "}"));
    })
    .AddEvent("sleep", TestJson.Default.Sleep, async (ctx, sleep) =>
    {
        ctx.Logger.Information("Sleeping {Ms} ms", sleep.Ms);
        await Task.Delay(sleep.Ms);
        ctx.Output.Write("\"slept\""u8);
    })
    .AddRaw("memory", ctx =>
    {
        // What the GC believes it may use: the runtime sets it from the platform's memory size.
        ctx.Output.Write(System.Text.Encoding.UTF8.GetBytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return ValueTask.CompletedTask;
    })
    .AddRaw("count", ctx =>
    {
        // Answers with how many invocations this process has served: distinct answers prove each ran once.
        long n = Interlocked.Increment(ref Counter.Value);
        ctx.Output.Write(System.Text.Encoding.UTF8.GetBytes(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return ValueTask.CompletedTask;
    })
    .AddRaw("switch", ctx =>
    {
        // Answers with the value of the AppContext switch named by the event (what Function.props baked in), or "unset".
        string name = System.Text.Encoding.UTF8.GetString(ctx.Event.Span);
        ctx.Output.Write(System.Text.Encoding.UTF8.GetBytes(AppContext.TryGetSwitch(name, out bool on) ? (on ? "true" : "false") : "unset"));
        return ValueTask.CompletedTask;
    })
    .AddRaw("hang", async ctx =>
    {
        // Never finishes on its own and ignores the deadline token: what the platform's timeout is for.
        ctx.Logger.Information("Hanging");
        await Task.Delay(Timeout.Infinite);
    })
    .AddRaw("overrun", async ctx =>
    {
        // Runs past the deadline but honours its token: cancelled when the deadline comes.
        ctx.Logger.Information("Overrunning");
        await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
    })
    .AddRaw("allocate", ctx =>
    {
        // Keeps 1 MB arrays alive until the GC's heap limit (set from the platform's memory size) refuses one.
        var kept = new System.Collections.Generic.List<byte[]>();
        while (true)
        {
            byte[] chunk = GC.AllocateUninitializedArray<byte>(1024 * 1024);
            chunk[0] = 1;
            kept.Add(chunk);
        }
    })
    .AddRaw("failstart", _ => ValueTask.CompletedTask)
    .OnStart("failstart", (_, _) => throw new InvalidOperationException("the database is unreachable"));
builder.Hooks.BeforeClose("test-close", (ctx, _) =>
{
    ctx.Logger.Information("Close hook ran ({Reason})", ctx.Reason);
    return ValueTask.CompletedTask;
});
return await builder.RunAsync();

public sealed record Order(string Id, int Quantity);

public sealed record Receipt(string OrderId, int Total);

public sealed record Big(int Mb);

public sealed record GateRequest(int Expected);

public sealed record Sleep(int Ms);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(Big))]
[JsonSerializable(typeof(GateRequest))]
[JsonSerializable(typeof(Sleep))]
internal sealed partial class TestJson : JsonSerializerContext
{
}

internal static class Counter
{
    public static long Value;
}

internal static class Kilobyte
{
    public static readonly byte[] Bytes = CreateBytes();

    private static byte[] CreateBytes()
    {
        var bytes = new byte[1024];
        Array.Fill(bytes, (byte)'x');
        return bytes;
    }
}

internal static class ConcurrencyGate
{
    private static readonly object s_lock = new();
    private static readonly TaskCompletionSource s_reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int s_inside;
    private static int s_maxSeen;

    public static int MaxSeen
    {
        get
        {
            lock (s_lock)
            {
                return s_maxSeen;
            }
        }
    }

    public static void Enter(int expected)
    {
        lock (s_lock)
        {
            s_inside++;
            s_maxSeen = Math.Max(s_maxSeen, s_inside);
            if (s_inside >= expected)
            {
                s_reached.TrySetResult();
            }
        }
    }

    public static void Leave()
    {
        lock (s_lock)
        {
            s_inside--;
        }
    }

    public static async Task WaitForAsync(TimeSpan timeout)
    {
        try
        {
            await s_reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Fewer ran at once than expected: the answer (MaxSeen) says how many did.
        }
    }
}
