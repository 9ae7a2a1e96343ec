using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class HuaweiRuntimeApiEmulatorTests
{
    [Fact]
    public async Task PollFault_InternalServerError_Returns500AndKeepsTheEvent()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}");
        huawei.FailNextPoll(PollFault.InternalServerError);

        using HttpResponseMessage failed = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "X-Cff-Request-Id"));
    }

    [Fact]
    public async Task PollFault_DropConnection_ClosesWithoutAResponseAndKeepsTheEvent()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = huawei.Enqueue("{}");
        huawei.FailNextPoll(PollFault.DropConnection);

        await using (RawHttpConnection dropped = await RawHttpConnection.ConnectAsync(huawei.Port))
        {
            await dropped.SendAsync("GET", "/v1/runtime/invocation/request");
            Assert.True(await dropped.ClosedWithoutResponseAsync().WaitAsync(Some.Patience));
        }

        using var runtime = FakeRuntime.For(huawei);
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "X-Cff-Request-Id"));
    }

    [Fact]
    public async Task OmitRequestId_EventArrivesWithoutTheIdAndIsNotOutstanding()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation broken = huawei.Enqueue("{}", new InvocationOptions { OmitRequestId = true });
        PendingInvocation good = huawei.Enqueue("{}");

        using HttpResponseMessage first = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);
        Assert.Null(FakeRuntime.Header(first, "X-Cff-Request-Id"));
        Assert.Equal(0, huawei.OutstandingInvocations);

        using HttpResponseMessage second = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);
        Assert.Equal(good.RequestId, FakeRuntime.Header(second, "X-Cff-Request-Id"));
        using HttpResponseMessage unknown = await runtime.PostAsync($"v1/runtime/invocation/response/{broken.RequestId}", "{}"u8.ToArray());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Response_OverMaxResponseBytes_Returns413AndStaysOutstandingUntilError()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync(new HuaweiEmulatorOptions { MaxResponseBytes = 10 });
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}");
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        using HttpResponseMessage tooLarge = await runtime.PostAsync($"v1/runtime/invocation/response/{pending.RequestId}", Some.Bytes(11));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.False(pending.Completion.IsCompleted);

        using HttpResponseMessage error = await runtime.PostAsync($"v1/runtime/invocation/error/{pending.RequestId}", "too big"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.True((await pending.Completion.WaitAsync(Some.Patience)).IsError);
    }

    [Fact]
    public async Task ResponseFault_Gone_Returns410AndCompletesWithStatus410()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.Gone });
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync($"v1/runtime/invocation/response/{pending.RequestId}", "{}"u8.ToArray());

        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal(410, (await pending.Completion.WaitAsync(Some.Patience)).StatusReturned);
    }

    [Fact]
    public async Task ResponseFault_DropConnection_AbortsAndARetryIsAccepted()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.DropConnection });
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        await Assert.ThrowsAsync<HttpRequestException>(() => runtime.PostAsync($"v1/runtime/invocation/response/{pending.RequestId}", "1"u8.ToArray()).WaitAsync(Some.Patience));
        using HttpResponseMessage retried = await runtime.PostAsync($"v1/runtime/invocation/response/{pending.RequestId}", "2"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("2", (await pending.Completion.WaitAsync(Some.Patience)).BodyText);
    }
}
