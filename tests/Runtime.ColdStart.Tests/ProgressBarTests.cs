using Xunit;

namespace Runtime.ColdStart.Tests;

public sealed class ProgressBarTests
{
    [Theory]
    [InlineData(0, 40, "[..............................]   0% 0/40 x")]
    [InlineData(12, 40, "[#########.....................]  30% 12/40 x")]
    [InlineData(40, 40, "[##############################] 100% 40/40 x")]
    public void Render_DoneOfTotal_DrawsBarPercentAndCount(int done, int total, string expected)
    {
        Assert.Equal(expected, ProgressBar.Render(done, total, "x"));
    }
}
