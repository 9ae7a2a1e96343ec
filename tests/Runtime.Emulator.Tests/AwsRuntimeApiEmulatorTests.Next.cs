using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AwsRuntimeApiEmulatorTests
{
    [Fact]
    public async Task Next_EventQueued_Returns200WithEventAndEveryRequiredHeader()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Timeout = TimeSpan.FromSeconds(5) });
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue(Some.Event(1));

        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        long after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(Some.Event(1), await FakeRuntime.BodyAsync(next));
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.True(Guid.TryParse(pending.RequestId, out _));
        long deadline = long.Parse(FakeRuntime.Header(next, "Lambda-Runtime-Deadline-Ms")!, CultureInfo.InvariantCulture);
        Assert.InRange(deadline, before + 5000, after + 5000);
        Assert.Equal(deadline, pending.DeadlineMs);
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:test-function", FakeRuntime.Header(next, "Lambda-Runtime-Invoked-Function-Arn"));
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$", FakeRuntime.Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.Equal(pending.TraceId, FakeRuntime.Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.NotNull(pending.InvocationId);
        Assert.Equal(pending.InvocationId, FakeRuntime.Header(next, "Lambda-Runtime-Invocation-Id"));
        Assert.Equal("application/json", FakeRuntime.Header(next, "Content-Type"));
        Assert.Null(FakeRuntime.Header(next, "Lambda-Runtime-Client-Context"));
        Assert.Null(FakeRuntime.Header(next, "Lambda-Runtime-Cognito-Identity"));
        Assert.Null(FakeRuntime.Header(next, "Lambda-Runtime-Aws-Tenant-Id"));
        Assert.NotEqual(0, pending.DeliveredTimestamp);
        Assert.Equal(1, pending.DeliveryCount);
        Assert.Equal(1, aws.OutstandingInvocations);
    }

    [Fact]
    public async Task Next_NothingQueued_LongPollsUntilAnEventIsEnqueued()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);

        Task<HttpResponseMessage> poll = runtime.NextAsync();
        await aws.FirstPoll.WaitAsync(Some.Patience);
        Assert.False(poll.IsCompleted);

        PendingInvocation pending = aws.Enqueue(Some.Event(2));
        using HttpResponseMessage next = await poll.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(Some.Event(2), await FakeRuntime.BodyAsync(next));
    }

    [Fact]
    public async Task Next_Events_AreDeliveredInEnqueueOrder()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        var pending = new List<PendingInvocation>();
        for (int i = 0; i < 5; i++)
        {
            pending.Add(aws.Enqueue(Some.Event(i)));
        }

        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
            Assert.Equal(pending[i].RequestId, FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
            using HttpResponseMessage posted = await runtime.RespondAsync(pending[i].RequestId, "{}");
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
    }

    [Fact]
    public async Task Next_OptionalHeadersSet_AreSentVerbatim()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        const string clientContext = """{"client":{"installation_id":"i-1"},"custom":{"k":"v"},"env":{}}""";
        const string cognito = """{"cognitoIdentityId":"us-east-1:abc","cognitoIdentityPoolId":"us-east-1:pool"}""";
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0";
        PendingInvocation pending = aws.Enqueue("[]", new InvocationOptions
        {
            RequestId = "custom-request-id",
            TraceId = trace,
            ClientContext = clientContext,
            CognitoIdentity = cognito,
            TenantId = "tenant-42",
            InvokedFunctionArn = "arn:aws:lambda:us-east-1:012345678912:function:test-function:live",
            ContentType = "text/plain",
        });

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal("custom-request-id", pending.RequestId);
        Assert.Equal("custom-request-id", FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(trace, FakeRuntime.Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.Equal(clientContext, FakeRuntime.Header(next, "Lambda-Runtime-Client-Context"));
        Assert.Equal(cognito, FakeRuntime.Header(next, "Lambda-Runtime-Cognito-Identity"));
        Assert.Equal("tenant-42", FakeRuntime.Header(next, "Lambda-Runtime-Aws-Tenant-Id"));
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:test-function:live", FakeRuntime.Header(next, "Lambda-Runtime-Invoked-Function-Arn"));
        Assert.Equal("text/plain", FakeRuntime.Header(next, "Content-Type"));
    }

    [Fact]
    public async Task Next_EmptyTraceId_OmitsTraceHeader()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        aws.Enqueue("{}", new InvocationOptions { TraceId = string.Empty });

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Null(FakeRuntime.Header(next, "Lambda-Runtime-Trace-Id"));
    }

    [Fact]
    public async Task Next_SendInvocationIdOff_OmitsInvocationIdHeader()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { SendInvocationId = false });
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Null(pending.InvocationId);
        Assert.Null(FakeRuntime.Header(next, "Lambda-Runtime-Invocation-Id"));
    }

    [Fact]
    public async Task Next_InvocationIds_DifferPerInvocationEvenForTheSameRequestId()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation first = aws.Enqueue("{}", new InvocationOptions { RequestId = "retried" });
        PendingInvocation second = aws.Enqueue("{}", new InvocationOptions { RequestId = "retried" });

        Assert.NotEqual(first.InvocationId, second.InvocationId);
    }

    [Fact]
    public async Task Next_OmitRequestIdFault_SendsNoRequestIdAndDoesNotCountAsOutstanding()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation broken = aws.Enqueue("{}", new InvocationOptions { OmitRequestId = true });
        PendingInvocation good = aws.Enqueue(Some.Event(3));

        using HttpResponseMessage first = await runtime.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(FakeRuntime.Header(first, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(0, aws.OutstandingInvocations);

        using HttpResponseMessage answerToBroken = await runtime.RespondAsync(broken.RequestId, "{}");
        Assert.Equal(HttpStatusCode.BadRequest, answerToBroken.StatusCode);

        using HttpResponseMessage second = await runtime.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(good.RequestId, FakeRuntime.Header(second, "Lambda-Runtime-Aws-Request-Id"));
        Assert.False(broken.Completion.IsCompleted);
    }

    [Fact]
    public async Task Next_EmptyPayload_Returns200WithEmptyBody()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        aws.Enqueue(ReadOnlyMemory<byte>.Empty);

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(string.Empty, await FakeRuntime.BodyAsync(next));
        Assert.Equal("0", FakeRuntime.Header(next, "Content-Length"));
    }

    [Fact]
    public async Task Next_WhileTheOnlyAllowedInvocationIsOutstanding_Returns403WithoutBlocking()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation first = aws.Enqueue(Some.Event(1));
        PendingInvocation second = aws.Enqueue(Some.Event(2));
        using HttpResponseMessage delivered = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage rejected = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);
        Assert.Contains("\"errorType\":\"InvalidStateTransition\"", await FakeRuntime.BodyAsync(rejected), StringComparison.Ordinal);
        Assert.Contains("\"errorMessage\":", await FakeRuntime.BodyAsync(rejected), StringComparison.Ordinal);
        Assert.Equal(0, second.DeliveryCount);

        using HttpResponseMessage answered = await runtime.RespondAsync(first.RequestId, "{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(second.RequestId, FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
    }

    [Fact]
    public async Task Next_FirstPoll_CompletesWithArrivalTimestamp()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        aws.Enqueue("{}");
        long before = System.Diagnostics.Stopwatch.GetTimestamp();

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        RecordedRequest first = await aws.FirstPoll.WaitAsync(Some.Patience);

        Assert.Equal("GET", first.Method);
        Assert.Equal("/2018-06-01/runtime/invocation/next", first.Path);
        Assert.InRange(first.Timestamp, before, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    [Fact]
    public async Task Next_OverRawSocket_UsesExactHeaderNamesAndKeepsTheConnectionOpen()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue(Some.Event(9));
        await using RawHttpConnection connection = await RawHttpConnection.ConnectAsync(aws.Port);

        await connection.SendAsync("GET", "/2018-06-01/runtime/invocation/next");
        RawHttpResponse next = (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!;
        await connection.SendAsync("POST", $"/2018-06-01/runtime/invocation/{pending.RequestId}/response", body: "\"ok\""u8.ToArray());
        RawHttpResponse posted = (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!;

        Assert.Equal(200, next.Status);
        Assert.Equal(Some.Event(9), next.BodyText);
        var names = new List<string>();
        foreach (KeyValuePair<string, string> header in next.Headers)
        {
            names.Add(header.Key);
        }

        Assert.Contains("Lambda-Runtime-Aws-Request-Id", names);
        Assert.Contains("Lambda-Runtime-Deadline-Ms", names);
        Assert.Contains("Lambda-Runtime-Invoked-Function-Arn", names);
        Assert.Contains("Lambda-Runtime-Trace-Id", names);
        Assert.Contains("Lambda-Runtime-Invocation-Id", names);
        Assert.Null(next.Header("Connection"));
        Assert.Equal(202, posted.Status);
        Assert.Equal("""{"status":"OK"}""", posted.BodyText);
        Assert.Equal("\"ok\"", (await pending.Completion.WaitAsync(Some.Patience)).BodyText);
    }
}
