using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Engine.Lifecycle;
using Xunit;

namespace Runtime.Layers.AspNetCore.Tests;

public sealed partial class AspNetCoreLayerTests
{
    [Fact]
    public async Task EndpointThrows_TheInvocationFailsWithTheExceptionAndNoResponseIsEncoded()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
        {
            app.MapGet("/boom", string () => throw new InvalidOperationException("the order was rejected"));
            app.MapGet("/ok", () => "ok");
        });

        (InvocationResult failed, CapturedResponse? response) = await harness.InvokeAsync(TestRequest.Get("/boom"));
        CapturedResponse after = await harness.SendAsync(TestRequest.Get("/ok"));

        Assert.False(failed.IsSuccess);
        Assert.Equal("System.InvalidOperationException", failed.Error!.ErrorType);
        Assert.Equal("the order was rejected", failed.Error.ErrorMessage);
        Assert.Equal(FaaSErrorCategory.Function, failed.Error.Category);
        Assert.Null(response);
        Assert.Equal("ok", after.BodyText); // the app keeps serving
    }

    [Fact]
    public async Task EndpointThrows_AppsOwnExceptionHandler_AnswersInstead()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (InvalidOperationException ex)
                {
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("handled: " + ex.Message);
                }
            });
            app.MapGet("/boom", string () => throw new InvalidOperationException("bad"));
        });

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/boom"));

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("handled: bad", response.BodyText);
    }

    [Fact]
    public async Task ThrowAfterTheResponseStarted_StillFailsTheInvocation()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/half", async (HttpContext context) =>
            {
                await context.Response.WriteAsync("partial");
                Assert.True(context.Response.HasStarted);
                throw new TimeoutException("the database went away");
            }));

        (InvocationResult result, CapturedResponse? response) = await harness.InvokeAsync(TestRequest.Get("/half"));

        Assert.Equal("System.TimeoutException", result.Error!.ErrorType);
        Assert.Null(response);
    }

    [Fact]
    public async Task NotHttpEvent_FailsWithNotHttpEventBeforeTheAppSeesIt()
    {
        int seen = 0;
        await using AppHarness harness = await AppHarness.StartAsync(app =>
        {
            app.Use(async (context, next) => { seen++; await next(context); });
            app.MapGet("/", () => "root");
        });

        (InvocationResult result, CapturedResponse? response) = await harness.InvokeAsync(request: null);

        Assert.Equal(ErrorTypes.NotHttpEvent, result.Error!.ErrorType);
        Assert.Null(response);
        Assert.Equal(0, seen);
    }

    [Fact]
    public async Task Abort_TheInvocationFailsInsteadOfAnswering()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/abort", (HttpContext context) =>
            {
                context.Abort();
                return context.RequestAborted.IsCancellationRequested ? "token cancelled" : "token live";
            }));

        (InvocationResult result, CapturedResponse? response) = await harness.InvokeAsync(TestRequest.Get("/abort"));

        Assert.Equal(typeof(RequestAbortedException).FullName, result.Error!.ErrorType);
        Assert.Null(response);
    }

    [Fact]
    public async Task ContentLengthMismatch_FailsTheInvocationAsKestrelWould()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/short", async (HttpContext context) =>
            {
                context.Response.ContentLength = 10;
                await context.Response.WriteAsync("four");
            }));

        (InvocationResult result, _) = await harness.InvokeAsync(TestRequest.Get("/short"));

        Assert.Contains("Content-Length mismatch", result.Error!.ErrorMessage);
    }

    [Fact]
    public async Task HeadersAfterTheResponseStarted_AreReadOnlyAsOnKestrel()
    {
        string? failure = null;
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/late", async (HttpContext context) =>
            {
                await context.Response.WriteAsync("body");
                try
                {
                    context.Response.Headers["X-Late"] = "1";
                }
                catch (InvalidOperationException ex)
                {
                    failure = ex.Message;
                }
                try
                {
                    context.Response.StatusCode = 500;
                }
                catch (InvalidOperationException ex)
                {
                    failure += "|" + ex.Message;
                }
            }));

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/late"));

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Header("X-Late"));
        Assert.NotNull(failure);
        Assert.Contains("StatusCode cannot be set", failure);
    }

    [Fact]
    public async Task AppBuiltWithoutUseFaaS_RuntimeStartFailsNamingTheFix()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        await using WebApplication app = builder.Build();
        var function = new FunctionAppBuilder();
        function.Layers.AddAspNetCore(app);
        var runtime = new FunctionRuntime(function, Some.Function(), Some.Logger().Logger, null, false);

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartRuntimeAsync());

        Assert.Equal("layer 'aspnetcore'", ex.Source);
        Assert.Contains("UseFaaS()", ex.Message);
        await runtime.DisposeAsync();
    }
}
