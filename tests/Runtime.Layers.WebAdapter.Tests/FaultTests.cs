using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Runtime.Engine;
using Runtime.Engine.Lifecycle;
using Runtime.Layers.WebAdapter.Tests.Support;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests;

/// <summary>What the function does when the app misbehaves: each fault ends in one clear error naming the layer.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task AppNeverReady_StartFailsNamingLayerAndCheck_WithinTheLimit_AndTheAppIsKilled()
    {
        int port = Some.FreePort();
        string folder = await ExpressApp.FolderAsync();
        var settings = new Dictionary<string, string>
        {
            // Runs, never listens: a shell command with operators, so the layer starts it under sh (killed as a tree).
            ["FAAS_WEBAPP_COMMAND"] = "node -e \"setInterval(() => {}, 1000)\"",
            ["FAAS_WEBAPP_WORKING_DIRECTORY"] = folder,
            ["AWS_LWA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LWA_READINESS_CHECK_PATH"] = "/ready",
            ["AWS_LWA_READINESS_CHECK_TIMEOUT_SECONDS"] = "1.5",
        };

        (Exception failure, TimeSpan elapsed, var events) = await AdapterHarness.StartFailingAsync(settings);

        LifecyclePhaseException start = Assert.IsType<LifecyclePhaseException>(failure);
        Assert.Equal(LifecyclePhase.FunctionStart, start.Phase);
        Assert.Equal("Function.AppNotReady", start.ErrorType);
        Assert.Contains("Layer 'web-adapter': the app did not become ready within 1.5 s", start.Message);
        Assert.Contains($"HTTP GET http://127.0.0.1:{port}/ready", start.Message);
        Assert.Contains("could not connect", start.Message);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
        Assert.True(HasExited(AdapterHarness.ProcessIdIn(events)));
    }

    [Fact]
    public async Task AppExitsBeforeReady_StartFailsAtOnceWithTheExitCode()
    {
        var settings = new Dictionary<string, string>
        {
            ["FAAS_WEBAPP_COMMAND"] = "node -e \"process.exit(7)\"",
            ["AWS_LWA_PORT"] = Some.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LWA_READINESS_CHECK_TIMEOUT_SECONDS"] = "60",
        };

        (Exception failure, TimeSpan elapsed, _) = await AdapterHarness.StartFailingAsync(settings);

        Assert.Equal("Function.AppExited", Assert.IsType<LifecyclePhaseException>(failure).ErrorType);
        Assert.Contains("Layer 'web-adapter': the app (node) exited with code 7 before it became ready", failure.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed}");
    }

    [Fact]
    public async Task CommandThatCannotRun_FailsTheStartNamingTheProgram()
    {
        var settings = new Dictionary<string, string>
        {
            ["FAAS_WEBAPP_COMMAND"] = "/no/such/webapp --port 1",
            ["AWS_LWA_PORT"] = Some.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        (Exception failure, _, _) = await AdapterHarness.StartFailingAsync(settings);

        Assert.Equal("Function.AppExited", Assert.IsType<LifecyclePhaseException>(failure).ErrorType);
        Assert.Contains("the app (/no/such/webapp) exited with code 127", failure.Message);
        Assert.DoesNotContain("--port", failure.Message);
    }

    [Fact]
    public async Task AppClosesTheConnection_ThatInvocationFails_AndTheNextWorks()
    {
        await using AdapterHarness harness = await AdapterHarness.StartAsync(await ExpressApp.SettingsAsync(Some.FreePort()));

        (InvocationResult dropped, _, _) = await harness.SendAsync(TestRequest.Get("/close"));
        (InvocationResult next, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/hello").Query("name=again"));

        Assert.Equal("Function.AppConnectionFailed", dropped.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter': the connection to the app failed during GET /close", dropped.Error.ErrorMessage);
        Assert.True(next.IsSuccess, next.Error?.ErrorMessage);
        Assert.Equal("again", response!.Json().GetProperty("name").GetString());
    }

    [Fact]
    public async Task AppCrashesMidRequest_ThatInvocationFailsNamingTheExit_AndSoDoesTheNext()
    {
        await using AdapterHarness harness = await AdapterHarness.StartAsync(await ExpressApp.SettingsAsync(Some.FreePort()));

        (InvocationResult crashed, _, _) = await harness.SendAsync(TestRequest.Get("/crash"));
        (InvocationResult next, _, _) = await harness.SendAsync(TestRequest.Get("/hello"));

        Assert.Equal("Function.AppExited", crashed.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter': the app (node, process", crashed.Error.ErrorMessage);
        Assert.Contains("exited with code 1 during GET /crash", crashed.Error.ErrorMessage);
        Assert.Equal("Function.AppExited", next.Error!.ErrorType);
        Assert.Contains("exited with code 1", next.Error.ErrorMessage);
        Assert.Contains("it is not restarted", next.Error.ErrorMessage);
    }

    [Fact]
    public async Task AppExitsAfterStart_IsDetected_AndLaterInvocationsFailClearly()
    {
        await using AdapterHarness harness = await AdapterHarness.StartAsync(await ExpressApp.SettingsAsync(Some.FreePort()));

        (InvocationResult bye, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/exit"));
        await WaitForExitAsync(harness.AppProcessId());
        (InvocationResult next, _, _) = await harness.SendAsync(TestRequest.Get("/hello"));

        Assert.True(bye.IsSuccess, bye.Error?.ErrorMessage);
        Assert.Equal("bye", response!.Text);
        Assert.Equal("Function.AppExited", next.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter': the app (node, process", next.Error.ErrorMessage);
        Assert.Contains("exited with code 3", next.Error.ErrorMessage);
        Assert.Contains(harness.Events, e => e.Level == Serilog.Events.LogEventLevel.Error && e.RenderMessage().Contains("exited with code 3"));
    }

    [Fact]
    public async Task AppStartedElsewhere_GoesAwayAndComesBack_OnlyTheInvocationsInBetweenFail()
    {
        FakeApp app = await FakeApp.StartAsync(web => web.MapGet("/hello", () => "hi"));
        int port = app.Port;
        await using AdapterHarness harness = await AdapterHarness.StartAsync(new Dictionary<string, string>
        {
            ["AWS_LWA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        (InvocationResult before, _, _) = await harness.SendAsync(TestRequest.Get("/hello"));

        await app.DisposeAsync();
        (InvocationResult gone, _, _) = await harness.SendAsync(TestRequest.Get("/hello"));
        await using FakeApp back = await FakeApp.StartAsync(web => web.MapGet("/hello", () => "hi again"), port);
        (InvocationResult after, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/hello"));

        Assert.True(before.IsSuccess, before.Error?.ErrorMessage);
        Assert.Equal("Function.AppConnectionFailed", gone.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter': the connection to the app failed during GET /hello", gone.Error.ErrorMessage);
        Assert.True(after.IsSuccess, after.Error?.ErrorMessage);
        Assert.Equal("hi again", response!.Text);
    }

    [Fact]
    public async Task AppTooSlowForTheDeadline_TheInvocationTimesOutNamingTheLayer()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using FakeApp app = await FakeApp.StartAsync(web =>
        {
            web.MapGet("/fast", () => "ok");
            web.MapGet("/slow", async () => { await never.Task; return "late"; });
        });
        await using AdapterHarness harness = await AdapterHarness.StartAsync(new Dictionary<string, string>
        {
            ["AWS_LWA_PORT"] = app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        // The first invocation waits for readiness; on a loaded machine that alone could outlast a short deadline
        // and end in the "not ready" timeout instead of the one this test is about.
        (InvocationResult warm, _, _) = await harness.SendAsync(TestRequest.Get("/fast"), DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Null(warm.Error);

        (InvocationResult result, _, _) = await harness.SendAsync(TestRequest.Get("/slow"), DateTimeOffset.UtcNow.AddMilliseconds(1000));
        never.SetResult();

        Assert.Equal("Function.Timeout", result.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter': the app did not answer GET /slow before the invocation's deadline", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task ErrorStatusCode_OnThePassThroughPath_IsAnInvocationError()
    {
        await using FakeApp app = await FakeApp.StartAsync(web => web.MapPost("/events", () => Results.StatusCode(502)));
        await using AdapterHarness harness = await AdapterHarness.StartAsync(new Dictionary<string, string>
        {
            ["AWS_LWA_PORT"] = app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FAAS_WEBAPP_ERROR_STATUS_CODES"] = "502",
        });

        (InvocationResult result, _, _) = await harness.InvokeEventAsync("""{"detail":{}}""");

        Assert.Equal("Function.AppErrorStatus", result.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter': the app answered POST /events with status 502, which FAAS_WEBAPP_ERROR_STATUS_CODES (502)", result.Error.ErrorMessage);
    }

    private static async Task WaitForExitAsync(int processId)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return; // already gone
        }
        using (process)
        {
            await process.WaitForExitAsync().WaitAsync(Some.StartLimit);
        }
    }

    private static bool HasExited(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process any more
        }
    }
}
