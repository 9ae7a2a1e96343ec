using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Runtime.Engine;
using Runtime.Engine.Lifecycle;
using Runtime.Layers.WebAdapter.Tests.Support;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests;

/// <summary>Readiness over HTTP (healthy-status ranges) and TCP, the time limit, and async init; against apps started elsewhere.</summary>
public sealed class ReadinessTests
{
    private static Dictionary<string, string> Settings(int port, params (string Name, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["AWS_LWA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach ((string name, string value) in extra)
        {
            settings[name] = value;
        }
        return settings;
    }

    [Fact]
    public async Task Http_UnhealthyThenHealthy_StartEndsOnceTheStatusIsInRange()
    {
        int checks = 0;
        await using FakeApp app = await FakeApp.StartAsync(web => web.MapGet("/ready",
            () => Interlocked.Increment(ref checks) <= 3 ? Results.StatusCode(503) : Results.NoContent()));

        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app.Port,
            ("AWS_LWA_READINESS_CHECK_PATH", "/ready"), ("AWS_LWA_READINESS_CHECK_HEALTHY_STATUS", "200-299")));

        Assert.Equal(4, Volatile.Read(ref checks));
        Assert.Contains(harness.Events, e => e.RenderMessage().Contains("The app is ready after") && e.RenderMessage().Contains("4 check(s)"));
    }

    [Fact]
    public async Task Http_DefaultHealthyRange_AcceptsA404()
    {
        await using FakeApp app = await FakeApp.StartAsync(_ => { });

        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app.Port, ("AWS_LWA_READINESS_CHECK_PATH", "/missing")));

        Assert.Contains(harness.Events, e => e.RenderMessage().Contains("1 check(s)"));
    }

    [Fact]
    public async Task Http_StatusOutsideTheRanges_FailsTheStartNamingLayerAndCheck_WithinTheLimit()
    {
        await using FakeApp app = await FakeApp.StartAsync(web => web.MapGet("/ready", () => Results.StatusCode(404)));

        (Exception failure, TimeSpan elapsed, _) = await AdapterHarness.StartFailingAsync(Settings(app.Port,
            ("AWS_LWA_READINESS_CHECK_PATH", "/ready"), ("AWS_LWA_READINESS_CHECK_HEALTHY_STATUS", "200-399,405"),
            ("AWS_LWA_READINESS_CHECK_TIMEOUT_SECONDS", "1")));

        LifecyclePhaseException start = Assert.IsType<LifecyclePhaseException>(failure);
        Assert.Equal(LifecyclePhase.FunctionStart, start.Phase);
        Assert.Equal("hook 'web-adapter'", start.Source);
        Assert.Equal("Function.AppNotReady", start.ErrorType);
        Assert.Contains("Layer 'web-adapter': the app did not become ready within 1 s", start.Message);
        Assert.Contains($"HTTP GET http://127.0.0.1:{app.Port}/ready answering a healthy status (200-399,405)", start.Message);
        Assert.Contains("the last saw status 404", start.Message);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Tcp_ReadyAsSoonAsThePortAccepts_WhateverHttpWouldAnswer()
    {
        await using FakeApp app = await FakeApp.StartAsync(web => web.MapGet("/", () => Results.StatusCode(503)));

        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app.Port,
            ("AWS_LWA_READINESS_CHECK_PROTOCOL", "tcp"), ("AWS_LWA_READINESS_CHECK_HEALTHY_STATUS", "200")));
        (InvocationResult result, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(503, response!.StatusCode);
        Assert.Contains(harness.Events, e => e.RenderMessage().Contains($"TCP connect to 127.0.0.1:{app.Port}"));
    }

    [Fact]
    public async Task Tcp_NothingListening_FailsTheStartNamingTheTcpCheck()
    {
        int port = Some.FreePort();

        (Exception failure, TimeSpan elapsed, _) = await AdapterHarness.StartFailingAsync(Settings(port,
            ("AWS_LWA_READINESS_CHECK_PROTOCOL", "TCP"), ("FAAS_WEBAPP_READINESS_TIMEOUT_SECONDS", "0.5")));

        Assert.Equal("Function.AppNotReady", Assert.IsType<LifecyclePhaseException>(failure).ErrorType);
        Assert.Contains("Layer 'web-adapter'", failure.Message);
        Assert.Contains($"TCP connect to 127.0.0.1:{port}", failure.Message);
        Assert.Contains("could not connect", failure.Message);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ReadinessPort_CanDifferFromTheTrafficPort()
    {
        await using FakeApp health = await FakeApp.StartAsync(web => web.MapGet("/", () => "ok"));
        await using FakeApp traffic = await FakeApp.StartAsync(web => web.MapGet("/hello", () => "traffic"));

        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(traffic.Port,
            ("AWS_LWA_READINESS_CHECK_PORT", health.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        (InvocationResult result, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/hello"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("traffic", response!.Text);
    }

    [Fact]
    public async Task AsyncInit_StartEndsAfterTheBudget_AndTheFirstInvocationWaitsForTheApp()
    {
        int port = Some.FreePort();
        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(port,
            ("AWS_LWA_ASYNC_INIT", "true"), ("FAAS_WEBAPP_ASYNC_INIT_SECONDS", "0.2")));
        Assert.Contains(harness.Events, e => e.RenderMessage().Contains("async init"));

        await using FakeApp app = await FakeApp.StartAsync(web => web.MapGet("/late", () => "ready now"), port);
        (InvocationResult result, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/late"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("ready now", response!.Text);
    }

    [Fact]
    public async Task AsyncInit_AppNeverReady_EveryInvocationFailsWithTheReadinessError()
    {
        int port = Some.FreePort();
        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(port,
            ("AWS_LWA_ASYNC_INIT", "true"), ("FAAS_WEBAPP_ASYNC_INIT_SECONDS", "0.1"), ("AWS_LWA_READINESS_CHECK_TIMEOUT_SECONDS", "0.5")));

        (InvocationResult first, _, _) = await harness.SendAsync(TestRequest.Get("/"));
        (InvocationResult second, _, _) = await harness.SendAsync(TestRequest.Get("/"));

        Assert.Equal("Function.AppNotReady", first.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter': the app did not become ready within 0.5 s", first.Error.ErrorMessage);
        Assert.Equal(first.Error.ErrorMessage, second.Error!.ErrorMessage);
    }
}
