using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>The published native bootstrap against the AWS Runtime API emulator, as real processes on loopback.</summary>
[Collection(BootstrapCollection.Name)]
public sealed class AwsEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;

    public AwsEndToEndTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    private BootstrapProcess Start(AwsRuntimeApiEmulator aws, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(aws.Environment);
        foreach ((string key, string value) in extra)
        {
            environment[key] = value;
        }
        return BootstrapProcess.Start(_bootstrap.Path, environment);
    }

    [Fact]
    public async Task Echo_OneEvent_TheEventComesBackAsTheResponse()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("""{"n":1,"text":"héllo"}""");
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.False(outcome.IsError, outcome.BodyText);
        Assert.Equal("""{"n":1,"text":"héllo"}""", outcome.BodyText);
        Assert.Equal("application/json", outcome.ContentType);
        Assert.Equal(202, outcome.StatusReturned);
        Assert.Equal(pending.InvocationId, outcome.Headers["Lambda-Runtime-Invocation-Id"]);
    }

    [Fact]
    public async Task Echo_HandlerThrows_ErrorReportCarriesTypeAndMessageAndServingGoesOn()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation failing = aws.Enqueue("""{"throw":"the order was rejected"}""");
        PendingInvocation after = aws.Enqueue("""{"ok":true}""");
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome error = await failing.Completion.WaitAsync(Wait);
        InvocationOutcome next = await after.Completion.WaitAsync(Wait);

        Assert.True(error.IsError);
        using JsonDocument json = JsonDocument.Parse(error.Body);
        Assert.Equal("Samples.Echo.EchoException", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("the order was rejected", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.True(json.RootElement.GetProperty("stackTrace").GetArrayLength() > 0);
        Assert.Equal("application/vnd.aws.lambda.error+json", error.ContentType);
        Assert.Equal("Function.Unhandled", error.ErrorTypeHeader);
        Assert.Equal(failing.InvocationId, error.Headers["Lambda-Runtime-Invocation-Id"]);
        Assert.False(next.IsError);
        await bootstrap.WaitForLineAsync("Samples.Echo.EchoException");
    }

    [Fact]
    public async Task FunctionStart_Fails_InitErrorIsReportedAndTheProcessExitsNonZero()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "failstart" });
        await using BootstrapProcess bootstrap = Start(aws);

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);
        int exit = await bootstrap.WaitForExitAsync();

        using JsonDocument json = JsonDocument.Parse(report.Body);
        Assert.Equal("System.InvalidOperationException", json.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("the database is unreachable", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("application/vnd.aws.lambda.error+json", report.ContentType);
        Assert.Equal(1, exit);
        Assert.Contains(bootstrap.LogEvents, e => e.GetProperty("level").GetString() == "FATAL");
        Assert.DoesNotContain(aws.Requests, r => r.Path.EndsWith("/invocation/next", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownHandler_Explicit_InitErrorNoSuchHandler()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        await using BootstrapProcess bootstrap = Start(aws, ("FAAS_HANDLER", "nope"));

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Equal("Runtime.NoSuchHandler", report.ErrorTypeHeader);
        Assert.Contains("Handler 'nope' names no registered function", report.BodyText);
        Assert.Equal(1, await bootstrap.WaitForExitAsync());
    }

    [Theory]
    [InlineData("AWS_LAMBDA_MAX_CONCURRENCY", "lots")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128MB")]
    [InlineData("AWS_LAMBDA_LOG_LEVEL", "LOUD")]
    [InlineData("FAAS_LOG_FORMAT", "xml")]
    public async Task Configuration_ValueDoesNotParse_InitErrorNamesTheVariable(string name, string value)
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        await using BootstrapProcess bootstrap = Start(aws, (name, value));

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Equal("Runtime.ConfigInvalid", report.ErrorTypeHeader);
        Assert.Contains($"{name}='{value}'", report.BodyText);
        Assert.Equal(1, await bootstrap.WaitForExitAsync());
    }

    [Fact]
    public async Task RuntimeApi5xxOnNext_ProcessExits()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        aws.FailNextPoll(PollFault.InternalServerError);
        await using BootstrapProcess bootstrap = Start(aws);

        int exit = await bootstrap.WaitForExitAsync();

        Assert.Equal(3, exit);
        Assert.Contains(bootstrap.LogEvents, e => e.GetProperty("level").GetString() == "FATAL"
            && e.GetProperty("message").GetString()!.Contains("500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RuntimeApi5xxOnResponse_ProcessExits()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        aws.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.InternalServerError });
        await using BootstrapProcess bootstrap = Start(aws);

        Assert.Equal(3, await bootstrap.WaitForExitAsync());
    }

    [Fact]
    public async Task Gone410OnResponse_ResultDroppedAndServingGoesOn()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation late = aws.Enqueue("{\"late\":1}", new InvocationOptions { ResponseFault = ResponseFault.Gone });
        PendingInvocation next = aws.Enqueue("{\"next\":1}");
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome lateOutcome = await late.Completion.WaitAsync(Wait);
        InvocationOutcome nextOutcome = await next.Completion.WaitAsync(Wait);

        Assert.Equal(410, lateOutcome.StatusReturned);
        Assert.Equal("{\"next\":1}", nextOutcome.BodyText);
        Assert.False(bootstrap.HasExited);
        await bootstrap.WaitForLineAsync("already timed out");
    }

    [Fact]
    public async Task ResponseOver6MB_Gets413AndIsReportedAsAFunctionError()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "big" });
        PendingInvocation big = aws.Enqueue("""{"Mb":7}""");
        PendingInvocation small = aws.Enqueue("""{"Mb":1}""");
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome outcome = await big.Completion.WaitAsync(Wait);
        InvocationOutcome next = await small.Completion.WaitAsync(Wait);

        Assert.True(outcome.IsError);
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorTypeHeader);
        Assert.Contains("larger than aws-lambda accepts", outcome.BodyText);
        Assert.Equal(1024 * 1024 + 2, next.Body.Length);
    }

    [Theory]
    [InlineData("""{"Id":""", "could not be read")]
    [InlineData("", "the event is empty")]
    public async Task TypedHandler_BadEvent_InvalidEventErrorAndServingGoesOn(string payload, string expected)
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "typed" });
        PendingInvocation bad = aws.Enqueue(payload);
        PendingInvocation good = aws.Enqueue("""{"Id":"o-1","Quantity":2}""");
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome error = await bad.Completion.WaitAsync(Wait);
        InvocationOutcome ok = await good.Completion.WaitAsync(Wait);

        Assert.True(error.IsError);
        Assert.Equal("Runtime.InvalidEvent", error.ErrorTypeHeader);
        Assert.Contains(expected, error.BodyText);
        Assert.Equal("""{"OrderId":"o-1","Total":20}""", ok.BodyText);
    }

    [Fact]
    public async Task MissingRequestIdHeader_EventDroppedWithAnErrorLogAndServingGoesOn()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        aws.Enqueue("{}", new InvocationOptions { OmitRequestId = true });
        PendingInvocation next = aws.Enqueue("{\"after\":1}");
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome outcome = await next.Completion.WaitAsync(Wait);

        Assert.Equal("{\"after\":1}", outcome.BodyText);
        await bootstrap.WaitForLineAsync("without a Lambda-Runtime-Aws-Request-Id header");
    }

    [Fact]
    public async Task DroppedConnectionMidPoll_ReconnectsAndServes()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        aws.FailNextPoll(PollFault.DropConnection);
        PendingInvocation pending = aws.Enqueue("{\"x\":1}");
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.Equal("{\"x\":1}", outcome.BodyText);
        await bootstrap.WaitForLineAsync("polling again");
    }

    [Fact]
    public async Task MaxConcurrency_NLoops_ServeNInvocationsAtOnce()
    {
        const int n = 4;
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "concurrent", MaxConcurrency = n });
        PendingInvocation[] pending = Enumerable.Range(0, n).Select(_ => aws.Enqueue($$"""{"Expected":{{n}}}""")).ToArray();
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome[] outcomes = await Task.WhenAll(pending.Select(p => p.Completion)).WaitAsync(Wait);

        Assert.All(outcomes, o => Assert.Equal($$"""{"seen":{{n}}}""", o.BodyText));
    }

    [Theory]
    [InlineData(256, null, 256L * 1024 * 1024 * 75 / 100)]
    [InlineData(1024, "50", 1024L * 1024 * 1024 * 50 / 100)]
    public async Task GcHeapLimit_FollowsTheFunctionsMemorySize(int memoryMb, string? percent, long expected)
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "memory", MemorySizeMb = memoryMb });
        PendingInvocation pending = aws.Enqueue("{}");
        await using BootstrapProcess bootstrap = percent is null ? Start(aws) : Start(aws, ("FAAS_GC_HEAP_PERCENT", percent));

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.BodyText);
    }

    [Fact]
    public async Task Sigterm_RunsCloseHooksAndExitsZero()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        await using BootstrapProcess bootstrap = Start(aws);
        await aws.FirstPoll.WaitAsync(Wait);

        bootstrap.Terminate();
        int exit = await bootstrap.WaitForExitAsync();

        Assert.Equal(0, exit);
        Assert.Contains("Close hook ran (SIGTERM)", bootstrap.Output);
    }

    [Fact]
    public async Task Sigterm_MidInvocation_FinishesItThenCloses()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "sleep" });
        PendingInvocation pending = aws.Enqueue("""{"Ms":150}""");
        await using BootstrapProcess bootstrap = Start(aws, ("FAAS_CLOSE_TIMEOUT_MS", "5000"));
        await bootstrap.WaitForLineAsync("Sleeping 150 ms");

        bootstrap.Terminate();
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);
        int exit = await bootstrap.WaitForExitAsync();

        Assert.Equal("\"slept\"", outcome.BodyText);
        Assert.Equal(0, exit);
        Assert.Contains("Close hook ran (SIGTERM)", bootstrap.Output);
    }

    [Fact]
    public async Task Logs_AreOneJsonLinePerEventAndNeverCarryPayloadsOrCredentials()
    {
        const string marker = "PAYLOAD-MARKER-7f3a";
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation ok = aws.Enqueue($$"""{"secret":"{{marker}}"}""");
        PendingInvocation failing = aws.Enqueue($$"""{"throw":"boom","secret":"{{marker}}"}""");
        await using BootstrapProcess bootstrap = Start(aws, ("FAAS_LOG_LEVEL", "TRACE"));
        await ok.Completion.WaitAsync(Wait);
        await failing.Completion.WaitAsync(Wait);
        bootstrap.Terminate();
        await bootstrap.WaitForExitAsync();

        IReadOnlyList<JsonElement> events = bootstrap.LogEvents; // throws if any line is not JSON
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.TryGetProperty("timestamp", out _) && e.TryGetProperty("level", out _)));
        string output = bootstrap.Output;
        Assert.DoesNotContain(marker, output);
        Assert.DoesNotContain(aws.Environment["AWS_SECRET_ACCESS_KEY"], output);
        Assert.DoesNotContain(aws.Environment["AWS_SESSION_TOKEN"], output);
        Assert.Contains(events, e => e.TryGetProperty("requestId", out JsonElement id) && id.GetString() == failing.RequestId);
    }

    [Fact]
    public async Task LogFormatText_WritesTabSeparatedLines()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        await using BootstrapProcess bootstrap = Start(aws, ("AWS_LAMBDA_LOG_FORMAT", "Text"));
        await aws.FirstPoll.WaitAsync(Wait);

        string line = await bootstrap.WaitForLineAsync("Started echo");

        Assert.Equal(4, line.Split('\t').Length);
        Assert.Contains("\tINFO\t", line);
    }

    [Fact]
    public async Task HttpFunction_FunctionUrlEvent_AnswersInThePayload20Shape()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "hello" });
        PendingInvocation pending = aws.Enqueue(Fixtures.Read("aws/function-url-post-cookies.json"));
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        using JsonDocument json = JsonDocument.Parse(outcome.Body);
        Assert.Equal(200, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("Hello, world!", json.RootElement.GetProperty("body").GetString());
        Assert.Equal("seen=1; Path=/", json.RootElement.GetProperty("cookies")[0].GetString());
    }

    [Fact]
    public async Task HttpFunction_NonHttpEvent_ReportsNotHttpEvent()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "hello" });
        PendingInvocation pending = aws.Enqueue(Fixtures.Read("aws/sqs.json"));
        await using BootstrapProcess bootstrap = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.True(outcome.IsError);
        Assert.Equal("Runtime.NotHttpEvent", outcome.ErrorTypeHeader);
    }
}
