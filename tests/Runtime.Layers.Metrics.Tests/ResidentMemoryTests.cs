using System;
using System.Text;
using Xunit;

namespace Runtime.Layers.Metrics.Tests;

public sealed class ResidentMemoryTests
{
    [Theory]
    [InlineData("1234 567 89 10 0 300 0\n", 567)]
    [InlineData("1 2", 2)]
    public void ParsesTheSecondField(string statm, long expected)
    {
        Assert.True(ResidentMemory.TryParseResidentPages(Encoding.ASCII.GetBytes(statm), out long pages));
        Assert.Equal(expected, pages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("1234 x")]
    public void RejectsWhatIsNotStatm(string statm)
    {
        Assert.False(ResidentMemory.TryParseResidentPages(Encoding.ASCII.GetBytes(statm), out _));
    }

    [Fact]
    public void ReadsThisProcessesResidentSet_AgainAndAgain()
    {
        using var memory = new ResidentMemory();
        long first = memory.Read();
        long second = memory.Read();
        long workingSet = Environment.WorkingSet;

        // The same figure as Environment.WorkingSet (VmRSS), give or take what the process touched in between.
        Assert.InRange(first, workingSet / 2, workingSet * 2);
        Assert.InRange(second, workingSet / 2, workingSet * 2);
    }
}
