using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime.Engine;
using Serilog.Events;
using Xunit;

namespace Runtime.Layers.AspNetCore.Tests;

public sealed partial class AspNetCoreLayerTests
{
    [Fact]
    public async Task Middleware_RunsInOrderInsideTheEnginesMiddlewareWithOnStartingAndOnCompletedAroundTheResponse()
    {
        var journal = new List<string>();
        await using AppHarness harness = await AppHarness.StartAsync(
            app =>
            {
                app.Use(async (context, next) =>
                {
                    journal.Add("outer>");
                    context.Response.OnStarting(() => { journal.Add("starting:outer"); return Task.CompletedTask; });
                    context.Response.OnCompleted(() => { journal.Add("completed:outer"); return Task.CompletedTask; });
                    await next(context);
                    journal.Add("<outer");
                });
                app.Use(async (context, next) =>
                {
                    journal.Add("inner>");
                    context.Response.OnStarting(() =>
                    {
                        journal.Add("starting:inner");
                        context.Response.Headers["X-Set-On-Starting"] = "yes";
                        return Task.CompletedTask;
                    });
                    context.Response.OnCompleted(() => { journal.Add("completed:inner"); return Task.CompletedTask; });
                    await next(context);
                    journal.Add("<inner");
                });
                app.MapGet("/", () => { journal.Add("endpoint"); return "done"; });
            },
            function: f => f.Middleware.Use("engine", next => async ctx => { journal.Add("engine>"); await next(ctx); journal.Add("<engine"); }));

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/"));

        Assert.Equal(new[]
        {
            "engine>", "outer>", "inner>", "endpoint", "starting:inner", "starting:outer", "<inner", "<outer",
            "completed:inner", "completed:outer", "<engine",
        }, journal);
        Assert.Equal("yes", response.Header("X-Set-On-Starting"));
    }

    [Fact]
    public async Task ScopedServices_AreOnePerRequestAndDisposedWhenItEnds()
    {
        var made = new List<ScopedThing>();
        await using AppHarness harness = await AppHarness.StartAsync(
            app => app.MapGet("/scoped", (ScopedThing a, HttpContext context) =>
                ReferenceEquals(a, context.RequestServices.GetRequiredService<ScopedThing>()).ToString()),
            configure: b => b.Services.AddScoped(_ =>
            {
                var thing = new ScopedThing();
                lock (made)
                {
                    made.Add(thing);
                }
                return thing;
            }));

        CapturedResponse first = await harness.SendAsync(TestRequest.Get("/scoped"));
        await harness.SendAsync(TestRequest.Get("/scoped"));

        Assert.Equal("True", first.BodyText);
        Assert.Equal(2, made.Count);
        Assert.All(made, t => Assert.True(t.Disposed));
    }

    [Fact]
    public async Task Lifecycle_AppStartsAtFunctionStartAndStopsAtClose()
    {
        var journal = new List<string>();
        AppHarness harness = await AppHarness.StartAsync(
            app =>
            {
                IHostApplicationLifetime lifetime = app.Lifetime;
                lifetime.ApplicationStarted.Register(() => journal.Add("app started"));
                lifetime.ApplicationStopping.Register(() => journal.Add("app stopping"));
                lifetime.ApplicationStopped.Register(() => journal.Add("app stopped"));
                app.MapGet("/", () => "up");
            },
            configure: b => b.Services.AddHostedService(_ => new RecordingService(journal)),
            function: f =>
            {
                f.Hooks.BeforeFunctionStart("user", (_, _) => { journal.Add("user BeforeFunctionStart"); return default; });
                f.Hooks.BeforeClose("user", (_, _) => { journal.Add("user BeforeClose"); return default; });
                f.Hooks.AfterClose("user", (_, _) => { journal.Add("user AfterClose"); return default; });
            },
            startFunction: false);
        await using AppHarness _ = harness;
        journal.Add("runtime started");

        await harness.Runtime.StartFunctionAsync();
        journal.Add("function started");
        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/"));
        IReadOnlyList<Exception> closeFailures = await harness.CloseAsync();

        Assert.Equal("up", response.BodyText);
        Assert.Empty(closeFailures);
        Assert.Equal(new[]
        {
            "runtime started", "service started", "app started", "user BeforeFunctionStart", "function started",
            "user BeforeClose", "app stopping", "service stopped", "app stopped", "user AfterClose",
        }, journal);
        Assert.Throws<ObjectDisposedException>(() => harness.App.Services.GetService<IHostApplicationLifetime>());
    }

    [Fact]
    public async Task Lifecycle_AppFailsToStart_FunctionStartFailsNamingTheLayer()
    {
        AppHarness harness = await AppHarness.StartAsync(
            app => app.MapGet("/", () => "never"),
            configure: b => b.Services.AddHostedService(_ => new FailingService()),
            startFunction: false);
        await using AppHarness _ = harness;

        Runtime.Engine.Lifecycle.LifecyclePhaseException ex =
            await Assert.ThrowsAsync<Runtime.Engine.Lifecycle.LifecyclePhaseException>(() => harness.Runtime.StartFunctionAsync());

        Assert.Equal(Runtime.Engine.Lifecycle.LifecyclePhase.FunctionStart, ex.Phase);
        Assert.Contains("aspnetcore", ex.Source);
        Assert.Equal("System.InvalidOperationException", ex.ErrorType);
        Assert.Contains("the cache is cold", ex.Message);
    }

    [Fact]
    public async Task Concurrency_ManyInvocationsAtOnce_ShareOneAppAndKeepTheirOwnRequests()
    {
        const int n = 64;
        int inside = 0;
        var allInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapPost("/echo/{id:int}", async (int id, HttpRequest request, HttpResponse response) =>
            {
                // Every request waits here until all n are inside the app at once: they really run concurrently.
                if (Interlocked.Increment(ref inside) == n)
                {
                    allInside.SetResult();
                }
                await allInside.Task.WaitAsync(TimeSpan.FromSeconds(20));
                response.Headers["X-Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string body = await new System.IO.StreamReader(request.Body).ReadToEndAsync();
                return id + ":" + body + ":" + request.Query["q"];
            }));

        (InvocationResult Result, CapturedResponse? Response)[] outcomes = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            Task.Run(() => harness.InvokeAsync(new TestRequest("POST", "/echo/" + i) { Body = Encoding.UTF8.GetBytes("body-" + i), RawQuery = "q=" + i }))));

        for (int i = 0; i < n; i++)
        {
            Assert.True(outcomes[i].Result.IsSuccess, outcomes[i].Result.Error?.ErrorMessage);
            Assert.Equal($"{i}:body-{i}:{i}", outcomes[i].Response!.BodyText);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), outcomes[i].Response!.Header("X-Id"));
        }
    }

    [Fact]
    public async Task Logs_FromTheApp_GoToTheRuntimeLoggerWithCategoryAndRequestId()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/log", (ILoggerFactory factory) =>
            {
                factory.CreateLogger("Orders").LogWarning("Order {OrderId} is late by {Minutes} minutes", "o-1", 12);
                return "logged";
            }));

        (InvocationResult result, _) = await harness.InvokeAsync(TestRequest.Get("/log"), requestId: "inv-log-1");

        Assert.True(result.IsSuccess);
        LogEvent logged;
        lock (harness.Events)
        {
            logged = Assert.Single(harness.Events, e => e.MessageTemplate.Text == "Order {OrderId} is late by {Minutes} minutes");
        }
        Assert.Equal(LogEventLevel.Warning, logged.Level);
        Assert.Equal("\"o-1\"", logged.Properties["OrderId"].ToString());
        Assert.Equal("12", logged.Properties["Minutes"].ToString());
        Assert.Equal("\"Orders\"", logged.Properties["SourceContext"].ToString());
        Assert.Equal("\"inv-log-1\"", logged.Properties["RequestId"].ToString());
        Assert.Equal("\"aspnetcore\"", logged.Properties["Layer"].ToString());
    }

    [Fact]
    public async Task Logs_FrameworkInformationPerRequest_IsQuietByDefault()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app => app.MapGet("/", () => "quiet"));

        await harness.SendAsync(TestRequest.Get("/"));

        lock (harness.Events)
        {
            Assert.DoesNotContain(harness.Events, e => e.Properties.TryGetValue("SourceContext", out LogEventPropertyValue? source)
                && source.ToString().StartsWith("\"Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level < LogEventLevel.Warning);
        }
    }

    private sealed class ScopedThing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class RecordingService : IHostedService
    {
        private readonly List<string> _journal;

        public RecordingService(List<string> journal) => _journal = journal;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _journal.Add("service started");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _journal.Add("service stopped");
            return Task.CompletedTask;
        }
    }

    private sealed class FailingService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("the cache is cold");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
