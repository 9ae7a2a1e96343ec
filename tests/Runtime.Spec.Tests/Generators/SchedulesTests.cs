using System;
using Runtime.Spec.Generators;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

public sealed class SchedulesTests
{
    [Theory]
    [InlineData("30 2 * * *", "cron(30 2 * * ? *)")]
    [InlineData("0 3 * * 1-5", "cron(0 3 ? * 2-6 *)")]
    [InlineData("0 0 * * 0,6", "cron(0 0 ? * 1,7 *)")]
    [InlineData("0 0 * * 7", "cron(0 0 ? * 1 *)")]
    [InlineData("0 3 * * MON-FRI", "cron(0 3 ? * MON-FRI *)")]
    [InlineData("*/5 * * * *", "cron(*/5 * * * ? *)")]
    [InlineData("0 12 1 * *", "cron(0 12 1 * ? *)")]
    public void Aws_FiveFieldCron_EventBridgeDialect(string cron, string expected) =>
        Assert.Equal(expected, Schedules.Aws(cron));

    [Fact]
    public void Aws_DayOfMonthAndDayOfWeek_Null() => Assert.Null(Schedules.Aws("0 0 1 * 1"));

    [Theory]
    [InlineData(1, "rate(1 minute)")]
    [InlineData(5, "rate(5 minutes)")]
    [InlineData(120, "rate(2 hours)")]
    [InlineData(1440, "rate(1 day)")]
    [InlineData(90, "rate(90 minutes)")]
    public void AwsRate_Minutes_LargestWholeUnit(int minutes, string expected) =>
        Assert.Equal(expected, Schedules.AwsRate(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData(1, "* * * * *")]
    [InlineData(5, "*/5 * * * *")]
    [InlineData(60, "0 * * * *")]
    [InlineData(360, "0 */6 * * *")]
    [InlineData(1440, "0 0 * * *")]
    [InlineData(7, null)]
    [InlineData(90, null)]
    [InlineData(2880, null)]
    public void RateAsCron_Minutes_ExactCronOrNull(int minutes, string? expected) =>
        Assert.Equal(expected, Schedules.RateAsCron(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData(5, "@every 5m")]
    [InlineData(90, "@every 90m")]
    [InlineData(120, "@every 2h")]
    public void Every_Minutes_GoDuration(int minutes, string expected) =>
        Assert.Equal(expected, Schedules.Every(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void WithSeconds_AndYear_SecondsFirstYearLast()
    {
        Assert.Equal("0 30 2 * * *", Schedules.WithSeconds("30  2 * * *"));
        Assert.Equal("0 30 2 * * * *", Schedules.WithSecondsAndYear("30 2 * * *"));
    }
}
