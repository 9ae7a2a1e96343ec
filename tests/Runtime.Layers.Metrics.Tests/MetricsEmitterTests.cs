using System;
using System.Collections.Generic;
using System.IO;
using Runtime.Engine;
using Runtime.Engine.Layers;
using Xunit;

namespace Runtime.Layers.Metrics.Tests;

public sealed class MetricsEmitterTests
{
    [Theory]
    [InlineData("emf")]
    [InlineData("json")]
    public void Emit_SteadyState_AllocatesNothing(string format)
    {
        FunctionInfo function = Some.Function();
        MetricsSettings settings = MetricsSettings.Read(
            new LayerSettings("metrics", new Dictionary<string, string> { ["format"] = format, ["dimensions"] = "stage=prod" }, _ => null), function);
        IMetricsFormat writer = format == "emf" ? new EmfFormat(settings, function) : new JsonLineFormat(settings, function);
        var emitter = new MetricsEmitter(Stream.Null, writer);
        var warm = new InvocationRecord(DateTimeOffset.UtcNow, "req-1", false, double.NaN, 1.25, null, GC.GetTotalMemory(false));
        var failed = new InvocationRecord(DateTimeOffset.UtcNow, "req-2", true, 40.5, 3.5, "System.InvalidOperationException", 123456);
        emitter.Emit(in warm);
        emitter.Emit(in failed);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            emitter.Emit(in warm);
            emitter.Emit(in failed);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ErrorType_IsWhatThePlatformIsTold()
    {
        var inner = new InvalidOperationException("x");

        Assert.Equal("System.InvalidOperationException", MetricsHook.ErrorType(new AggregateException(inner)));
        Assert.Equal(Runtime.Engine.Errors.FaaSErrorFactory.FromException(new AggregateException(inner)).ErrorType, MetricsHook.ErrorType(new AggregateException(inner)));
        Assert.Equal("Runtime.InvalidEvent", MetricsHook.ErrorType(new Runtime.Engine.Errors.FaaSRuntimeException("Runtime.InvalidEvent", "bad")));
    }
}
