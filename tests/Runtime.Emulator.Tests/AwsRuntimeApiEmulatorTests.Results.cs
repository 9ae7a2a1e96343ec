using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AwsRuntimeApiEmulatorTests
{
    [Fact]
    public async Task Response_KnownRequestId_Returns202StatusOkAndCompletesTheOutcome()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue(Some.Event(1));
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync(
            $"runtime/invocation/{pending.RequestId}/response",
            Encoding.UTF8.GetBytes("""{"answer":"é"}"""),
            "application/json; charset=utf-8",
            new Dictionary<string, string> { ["Lambda-Runtime-Invocation-Id"] = pending.InvocationId! });
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await FakeRuntime.BodyAsync(posted));
        Assert.Equal(pending.RequestId, outcome.RequestId);
        Assert.False(outcome.IsError);
        Assert.Equal("""{"answer":"é"}""", outcome.BodyText);
        Assert.Equal(Encoding.UTF8.GetBytes("""{"answer":"é"}"""), outcome.Body);
        Assert.Equal("application/json; charset=utf-8", outcome.ContentType);
        Assert.Null(outcome.ErrorTypeHeader);
        Assert.Equal(pending.InvocationId, outcome.Headers["lambda-runtime-invocation-id"]);
        Assert.Equal(202, outcome.StatusReturned);
        Assert.Equal(pending.DeliveredTimestamp, outcome.DeliveredTimestamp);
        Assert.True(outcome.CompletedTimestamp > outcome.DeliveredTimestamp);
        Assert.True(outcome.RoundTrip > TimeSpan.Zero);
        Assert.Equal(0, aws.OutstandingInvocations);
    }

    [Fact]
    public async Task Response_UnknownRequestId_Returns400InvalidRequestID()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);

        using HttpResponseMessage posted = await runtime.RespondAsync(Some.RequestId(), "{}");

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("\"errorType\":\"InvalidRequestID\"", await FakeRuntime.BodyAsync(posted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_QueuedButNotYetDelivered_Returns400()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");

        using HttpResponseMessage posted = await runtime.RespondAsync(pending.RequestId, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.False(pending.Completion.IsCompleted);
    }

    [Fact]
    public async Task Response_SecondAnswer_Returns403AndIsRecordedButKeepsTheFirstOutcome()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage first = await runtime.RespondAsync(pending.RequestId, "\"first\"");

        using HttpResponseMessage second = await runtime.RespondAsync(pending.RequestId, "\"second\"");
        using HttpResponseMessage third = await runtime.ErrorAsync(pending.RequestId, """{"errorType":"X","errorMessage":"late"}""");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("\"errorType\":\"InvalidStateTransition\"", await FakeRuntime.BodyAsync(second), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Equal("\"first\"", (await pending.Completion.WaitAsync(Some.Patience)).BodyText);
        IReadOnlyList<RecordedRequest> requests = aws.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal("\"second\"", Encoding.UTF8.GetString(requests[2].Body));
        Assert.EndsWith("/error", requests[3].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_KnownRequestId_Returns202AndCompletesAsErrorWithItsErrorType()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        const string error = """{"errorMessage":"boom","errorType":"System.InvalidOperationException","stackTrace":["at A","at B"]}""";

        using HttpResponseMessage posted = await runtime.ErrorAsync(pending.RequestId, error, "Function.Unhandled");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await FakeRuntime.BodyAsync(posted));
        Assert.True(outcome.IsError);
        Assert.Equal(error, outcome.BodyText);
        Assert.Equal("Function.Unhandled", outcome.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", outcome.ContentType);
        Assert.Equal(202, outcome.StatusReturned);
    }

    [Fact]
    public async Task Error_UnknownRequestId_Returns400InvalidRequestID()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);

        using HttpResponseMessage posted = await runtime.ErrorAsync("not-a-known-id", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("InvalidRequestID", await FakeRuntime.BodyAsync(posted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_OverMaxResponseBytes_Returns413AndStaysOutstandingUntilError()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { MaxResponseBytes = 1000 });
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage tooLarge = await runtime.PostAsync($"runtime/invocation/{pending.RequestId}/response", Some.Bytes(1001));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("\"errorType\":\"RequestEntityTooLarge\"", await FakeRuntime.BodyAsync(tooLarge), StringComparison.Ordinal);
        Assert.False(pending.Completion.IsCompleted);
        Assert.Equal(1, aws.OutstandingInvocations);

        using HttpResponseMessage error = await runtime.ErrorAsync(pending.RequestId, """{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"too big"}""", "Function.ResponseSizeTooLarge");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.True(outcome.IsError);
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorTypeHeader);
        Assert.Equal(0, aws.OutstandingInvocations);
    }

    [Fact]
    public async Task Response_ExactlyMaxResponseBytes_IsAccepted()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { MaxResponseBytes = 1000 });
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync($"runtime/invocation/{pending.RequestId}/response", Some.Bytes(1000));

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(1000, (await pending.Completion.WaitAsync(Some.Patience)).Body.Length);
    }

    [Fact]
    public async Task Error_OverMaxResponseBytes_Returns413()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { MaxResponseBytes = 10 });
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.ErrorAsync(pending.RequestId, """{"errorType":"long","errorMessage":"long"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.False(pending.Completion.IsCompleted);
    }

    [Fact]
    public async Task Response_DefaultLimit_Is6MiBPlus100Bytes()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        const int limit = (6 * 1024 * 1024) + 100;
        Assert.Equal(limit, new AwsEmulatorOptions().MaxResponseBytes);
        PendingInvocation atLimit = aws.Enqueue("{}");
        PendingInvocation overLimit = aws.Enqueue("{}");

        using HttpResponseMessage next1 = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage accepted = await runtime.PostAsync($"runtime/invocation/{atLimit.RequestId}/response", Some.Bytes(limit));
        using HttpResponseMessage next2 = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage rejected = await runtime.PostAsync($"runtime/invocation/{overLimit.RequestId}/response", Some.Bytes(limit + 1));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rejected.StatusCode);
        Assert.Equal(limit + 1, aws.Requests[3].Body.Length);
    }

    [Fact]
    public async Task Response_StreamingModeWithTrailers_IsAcceptedAndTrailersAreRecorded()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { MaxResponseBytes = 4 });
        PendingInvocation pending = aws.Enqueue("{}");
        await using RawHttpConnection connection = await RawHttpConnection.ConnectAsync(aws.Port);
        await connection.SendAsync("GET", "/2018-06-01/runtime/invocation/next");
        Assert.Equal(200, (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!.Status);

        string errorBody = Convert.ToBase64String("""{"errorType":"E","errorMessage":"mid-stream"}"""u8);
        await connection.SendRawAsync(Encoding.ASCII.GetBytes(
            $"POST /2018-06-01/runtime/invocation/{pending.RequestId}/response HTTP/1.1\r\n" +
            "Host: 127.0.0.1\r\n" +
            "Lambda-Runtime-Function-Response-Mode: streaming\r\n" +
            "Transfer-Encoding: chunked\r\n" +
            "Content-Type: text/plain\r\n" +
            "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n" +
            "\r\n" +
            "5\r\nhello\r\n" +
            "6\r\n world\r\n" +
            "0\r\n" +
            "Lambda-Runtime-Function-Error-Type: Function.StreamError\r\n" +
            $"Lambda-Runtime-Function-Error-Body: {errorBody}\r\n" +
            "\r\n"));
        RawHttpResponse posted = (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!;
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(202, posted.Status);
        Assert.Equal("hello world", outcome.BodyText);
        Assert.Equal("streaming", outcome.Headers["Lambda-Runtime-Function-Response-Mode"]);
        Assert.Equal("Function.StreamError", outcome.Trailers["lambda-runtime-function-error-type"]);
        Assert.Equal(errorBody, outcome.Trailers["Lambda-Runtime-Function-Error-Body"]);
    }

    [Fact]
    public async Task Response_InvalidResponseMode_Returns400AndStaysOutstanding()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage bad = await runtime.PostAsync(
            $"runtime/invocation/{pending.RequestId}/response",
            "{}"u8.ToArray(),
            headers: new Dictionary<string, string> { ["Lambda-Runtime-Function-Response-Mode"] = "buffered" });
        using HttpResponseMessage good = await runtime.RespondAsync(pending.RequestId, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"errorType\":\"InvalidFunctionResponseMode\"", await FakeRuntime.BodyAsync(bad), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        Assert.Equal(202, (await pending.Completion.WaitAsync(Some.Patience)).StatusReturned);
    }

    [Fact]
    public async Task InitError_Posted_Returns202AndCompletesTheReport()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        const string error = """{"errorMessage":"no handler 'x'","errorType":"Runtime.NoSuchHandler","stackTrace":[]}""";

        using HttpResponseMessage posted = await runtime.PostAsync(
            "runtime/init/error",
            Encoding.UTF8.GetBytes(error),
            "application/vnd.aws.lambda.error+json",
            new Dictionary<string, string> { ["Lambda-Runtime-Function-Error-Type"] = "Runtime.NoSuchHandler" });
        InitErrorReport report = await aws.InitError.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await FakeRuntime.BodyAsync(posted));
        Assert.Equal(error, report.BodyText);
        Assert.Equal(Encoding.UTF8.GetBytes(error), report.Body);
        Assert.Equal("Runtime.NoSuchHandler", report.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", report.ContentType);
    }

    [Fact]
    public async Task UnknownPath_Returns404AndWrongMethod_Returns405()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);

        using HttpResponseMessage unknown = await runtime.GetAsync("runtime/whatever");
        using var oldVersionRuntime = new FakeRuntime(new Uri($"http://{aws.HostAndPort}/2017-01-01/"));
        using HttpResponseMessage oldVersion = await oldVersionRuntime.GetAsync("runtime/invocation/next");
        using HttpResponseMessage postNext = await runtime.PostAsync("runtime/invocation/next", "{}"u8.ToArray());
        using HttpResponseMessage getResponse = await runtime.GetAsync($"runtime/invocation/{Some.RequestId()}/response");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldVersion.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postNext.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getResponse.StatusCode);
        Assert.False(aws.FirstPoll.IsCompleted);
    }

    [Fact]
    public async Task Requests_RecordEveryRequestInArrivalOrderAsASnapshot()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue(Some.Event(5));
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage posted = await runtime.PostAsync(
            $"runtime/invocation/{pending.RequestId}/response",
            "\"done\""u8.ToArray(),
            "application/json",
            new Dictionary<string, string> { ["X-Custom"] = "a" });

        IReadOnlyList<RecordedRequest> snapshot = aws.Requests;

        Assert.Equal(2, snapshot.Count);
        Assert.Equal("GET", snapshot[0].Method);
        Assert.Equal("/2018-06-01/runtime/invocation/next", snapshot[0].Path);
        Assert.Empty(snapshot[0].Body);
        Assert.Equal("POST", snapshot[1].Method);
        Assert.Equal($"/2018-06-01/runtime/invocation/{pending.RequestId}/response", snapshot[1].Path);
        Assert.Equal("\"done\""u8.ToArray(), snapshot[1].Body);
        Assert.Equal("a", snapshot[1].Headers["x-custom"]);
        Assert.Equal("application/json", snapshot[1].Headers["Content-Type"]);
        Assert.True(snapshot[1].Timestamp >= snapshot[0].Timestamp);

        aws.Enqueue("{}");
        using HttpResponseMessage late = await runtime.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(2, snapshot.Count);
        Assert.Equal(3, aws.Requests.Count);
    }

    [Fact]
    public async Task Requests_RecordingOff_KeepsNothing()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { RecordRequests = false });
        using var runtime = FakeRuntime.For(aws);
        aws.Enqueue("{}");

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Empty(aws.Requests);
        Assert.Equal("GET", (await aws.FirstPoll.WaitAsync(Some.Patience)).Method);
    }
}
