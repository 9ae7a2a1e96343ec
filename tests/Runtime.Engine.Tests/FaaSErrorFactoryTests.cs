using System;
using System.Text;
using System.Text.Json;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed class FaaSErrorFactoryTests
{
    private sealed class CustomTypeException : Exception, IFaaSErrorType
    {
        public CustomTypeException() : base("custom") { }

        public string ErrorType => "Billing.CardDeclined";
    }

    [Fact]
    public void FromException_UsesFullTypeName()
    {
        FaaSError error = FaaSErrorFactory.FromException(new FormatException("bad"));

        Assert.Equal("System.FormatException", error.ErrorType);
        Assert.Equal("bad", error.ErrorMessage);
    }

    [Fact]
    public void FromException_TypeSuppliedByException_IsUsed()
    {
        Assert.Equal("Billing.CardDeclined", FaaSErrorFactory.FromException(new CustomTypeException()).ErrorType);
    }

    [Fact]
    public void FromException_AggregateOfOne_ReportsTheInner()
    {
        FaaSError error = FaaSErrorFactory.FromException(new AggregateException(new ArgumentException("inner")));

        Assert.Equal("System.ArgumentException", error.ErrorType);
    }

    [Fact]
    public void FromException_HugeMessage_IsTruncatedNotRefused()
    {
        FaaSError error = FaaSErrorFactory.FromException(new Exception(new string('x', 100_000)));

        Assert.True(error.ErrorMessage.Length <= FaaSErrorFactory.MaxMessageLength);
        Assert.EndsWith("(truncated)", error.ErrorMessage);
    }

    [Fact]
    public void FromException_DeepStack_IsBoundedAndNamesInnerCauses()
    {
        Exception thrown;
        try
        {
            Recurse(300);
            throw new InvalidOperationException("unreachable");
        }
        catch (Exception ex)
        {
            thrown = new InvalidOperationException("outer", ex);
        }

        FaaSError error = FaaSErrorFactory.FromException(thrown);

        Assert.True(error.StackTrace!.Length <= FaaSErrorFactory.MaxFrames);
        Assert.Contains(error.StackTrace, f => f.StartsWith("--- caused by System.DivideByZeroException"));
    }

    [Fact]
    public void WriteJson_WritesTheLambdaShape()
    {
        FaaSError error = FaaSErrorFactory.Create("Runtime.X", "a <b> & \"c\"");
        using var buffer = new PooledBufferWriter();

        error.WriteJson(buffer);

        using JsonDocument json = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal("Runtime.X", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("a <b> & \"c\"", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.False(json.RootElement.TryGetProperty("stackTrace", out _));
        Assert.Contains("<b>", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static int Recurse(int depth) => depth == 0 ? 1 / (depth - depth) : Recurse(depth - 1) + 1;
}
