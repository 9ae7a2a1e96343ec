using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Serilog.Events;

namespace Runtime.Layers.AspNetCore.Tests;

/// <summary>
/// An ASP.NET Core app built with <c>UseFaaS()</c>, stacked onto a function with <c>AddAspNetCore</c>, and driven
/// through the engine's phases in-process: each <see cref="InvokeAsync"/> is one invocation with a <see cref="TestCodec"/>.
/// </summary>
internal sealed class AppHarness : IAsyncDisposable
{
    private bool _closed;

    private AppHarness(WebApplication app, FunctionRuntime runtime, List<LogEvent> events)
    {
        App = app;
        Runtime = runtime;
        Events = events;
    }

    public WebApplication App { get; }

    public FunctionRuntime Runtime { get; }

    public List<LogEvent> Events { get; }

    /// <summary>Builds the app and the function; runs RuntimeStart and (unless told not to) FunctionStart.</summary>
    public static async Task<AppHarness> StartAsync(
        Action<WebApplication> map,
        Action<WebApplicationBuilder>? configure = null,
        Action<FunctionAppBuilder>? function = null,
        Action<FaaSServerOptions>? server = null,
        bool startFunction = true)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.UseFaaS(server);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TestJsonContext.Default));
        configure?.Invoke(builder);
        WebApplication app = builder.Build();
        map(app);
        var functionBuilder = new FunctionAppBuilder();
        functionBuilder.Layers.AddAspNetCore(app);
        function?.Invoke(functionBuilder);
        var (logger, events) = Some.Logger();
        // A long grace: these tests are about what the app sees (its RequestAborted token at the deadline), and on a
        // loaded machine an app honouring the token can take longer than the default 100 ms to finish.
        var runtime = new FunctionRuntime(functionBuilder, Some.Function(), logger, null, false) { DeadlineGrace = TimeSpan.FromSeconds(10) };
        await runtime.StartRuntimeAsync();
        if (startFunction)
        {
            await runtime.StartFunctionAsync();
        }
        return new AppHarness(app, runtime, events);
    }

    /// <summary>One invocation carrying <paramref name="request"/> (null: a non-HTTP event).</summary>
    public async Task<(InvocationResult Result, CapturedResponse? Response)> InvokeAsync(TestRequest? request, string? requestId = null,
        DateTimeOffset? deadline = null)
    {
        var codec = new TestCodec(request);
        using var output = new PooledBufferWriter();
        InvocationResult result = await Runtime.InvokeAsync(new Invocation
        {
            RequestId = requestId ?? Some.RequestId(),
            Payload = "{}"u8.ToArray(),
            HttpCodec = codec,
            Output = output,
            Deadline = deadline ?? DateTimeOffset.MaxValue,
        });
        return (result, codec.Response);
    }

    /// <summary>One invocation that must succeed; returns the response the engine encoded.</summary>
    public async Task<CapturedResponse> SendAsync(TestRequest request)
    {
        (InvocationResult result, CapturedResponse? response) = await InvokeAsync(request);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The invocation failed: {result.Error!.ErrorType}: {result.Error.ErrorMessage}");
        }
        return response ?? throw new InvalidOperationException("The invocation succeeded without encoding a response.");
    }

    public async Task<IReadOnlyList<Exception>> CloseAsync()
    {
        _closed = true;
        return await Runtime.CloseAsync("test", TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            await CloseAsync();
        }
        await Runtime.DisposeAsync();
    }

    /// <summary>A terminal endpoint that answers <paramref name="text"/>.</summary>
    public static RequestDelegate Text(Func<HttpContext, string> text) => context => context.Response.WriteAsync(text(context));
}
