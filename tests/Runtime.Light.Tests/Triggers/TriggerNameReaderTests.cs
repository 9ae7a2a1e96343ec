using System.Text;
using Runtime.Light.Triggers;
using Xunit;

namespace Runtime.Light.Tests.Triggers;

public sealed class TriggerNameReaderTests
{
    private static string? Read(string text) => TriggerNameReader.Instance.ReadTriggerName(Encoding.UTF8.GetBytes(text), null);

    [Theory]
    [InlineData("tencent/timer-captured.json", "oneminute")]
    [InlineData("tencent/timer-doc.json", "EveryDay")]
    [InlineData("alibaba/timer-doc.json", "timer-trigger")]
    [InlineData("huawei/timer.json", "Timer_001")]
    [InlineData("aws/scheduled.json", "my-scheduled-rule")]
    public void Read_TimerFixture_GivesItsTriggerName(string fixture, string expected)
    {
        Assert.Equal(expected, TriggerNameReader.Instance.ReadTriggerName(Fixture.Bytes(fixture), null));
    }

    [Theory]
    [InlineData("aws/s3-put.json")]
    [InlineData("aws/sqs.json")]
    [InlineData("tencent/cos-put-captured.json")]
    [InlineData("tencent/cos-put-doc.json")]
    [InlineData("alibaba/oss-put.json")]
    [InlineData("cloudevents/gcp-pubsub-structured.json")]
    [InlineData("tencent/function-url-doc-invalid.json")]
    public void Read_EventWithoutATrigger_GivesNull(string fixture)
    {
        Assert.Null(TriggerNameReader.Instance.ReadTriggerName(Fixture.Bytes(fixture), null));
    }

    [Theory]
    [InlineData("""{"resources":["arn:aws:events:eu-west-1:123456789012:rule/orders-bus/nightly"]}""", "nightly")]
    [InlineData("""{"resources":["arn:aws:s3:::bucket","arn:aws-cn:events:cn-north-1:123456789012:rule/daily"]}""", "daily")]
    [InlineData("""{"resources":["arn:aws:events:us-east-1:123456789012:event-bus/default"]}""", null)]
    [InlineData("""{"resources":["arn:aws:events:us-east-1:123456789012:rule/"]}""", null)]
    [InlineData("""{"resources":"arn:aws:events:us-east-1:123456789012:rule/x"}""", null)]
    [InlineData("""{"detail":{"TriggerName":"nested"},"TriggerName":"top"}""", "top")]
    [InlineData("""{"detail":{"TriggerName":"nested"}}""", null)]
    [InlineData("""{"TriggerName":""}""", null)]
    [InlineData("""{"TriggerName":3}""", null)]
    [InlineData("""  {"triggerName":"t"}""", "t")]
    [InlineData("""{"trigger_name":"t",""", "t")] // read forward only: found before the JSON breaks; the function reports the bad event
    [InlineData("""{"x":,"trigger_name":"t"}""", null)]
    [InlineData("""[{"TriggerName":"t"}]""", null)]
    [InlineData("not json", null)]
    [InlineData("", null)]
    public void Read_Shapes(string json, string? expected)
    {
        Assert.Equal(expected, Read(json));
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkipped()
    {
        Assert.Equal("t", Read("\uFEFF{\"TriggerName\":\"t\"}"));
    }

    [Theory]
    [InlineData("tick-timer-0", "tick-timer-0")]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void Read_CloudEvent_ItsFaasTriggerExtension(string? extension, string? expected)
    {
        var extensions = new System.Collections.Generic.Dictionary<string, string> { ["traceparent"] = "00-1-2-01" };
        if (extension is not null)
        {
            extensions[TriggerNameReader.CloudEventExtension] = extension;
        }
        var cloudEvent = new Runtime.Light.Adapters.Http.CloudEventContext("1", "/apis/v1/namespaces/default/pingsources/shop-tick-timer-0",
            "1.0", "dev.knative.sources.ping", null, null, null, null, extensions);

        // The payload names a trigger too: the CloudEvent's attribute is what counts.
        Assert.Equal(expected, TriggerNameReader.Instance.ReadTriggerName(Encoding.UTF8.GetBytes("""{"TriggerName":"x"}"""), cloudEvent));
        // Named by the context alone, so the engine routes it before looking at the HTTP view a CloudEvent also has.
        Assert.Equal(expected, TriggerNameReader.Instance.ReadContextTriggerName(cloudEvent));
        Assert.Null(TriggerNameReader.Instance.ReadContextTriggerName(null));
    }
}
