using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AwsRuntimeApiEmulatorTests
{
    [Fact]
    public async Task Start_DefaultOptions_BindsLoopbackWithOsChosenPort()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();

        Assert.StartsWith("127.0.0.1:", aws.HostAndPort, StringComparison.Ordinal);
        Assert.NotEqual(0, aws.Port);
        Assert.Equal($"127.0.0.1:{aws.Port}", aws.HostAndPort);
        Assert.Equal(new Uri($"http://127.0.0.1:{aws.Port}/2018-06-01/"), aws.BaseAddress);
    }

    [Fact]
    public async Task Start_Twice_EachGetsItsOwnPort()
    {
        await using AwsRuntimeApiEmulator first = await AwsRuntimeApiEmulator.StartAsync();
        await using AwsRuntimeApiEmulator second = await AwsRuntimeApiEmulator.StartAsync();

        Assert.NotEqual(first.Port, second.Port);
    }

    [Fact]
    public async Task Environment_Defaults_HasEveryVariableABootstrapNeeds()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        IReadOnlyDictionary<string, string> env = aws.Environment;

        Assert.Equal(aws.HostAndPort, env["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("test-function", env["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("$LATEST", env["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("128", env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("us-east-1", env["AWS_REGION"]);
        Assert.Equal("us-east-1", env["AWS_DEFAULT_REGION"]);
        Assert.Equal("/aws/lambda/test-function", env["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", env["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("/var/task", env["LAMBDA_TASK_ROOT"]);
        Assert.Equal("echo", env["_HANDLER"]);
        Assert.Equal("on-demand", env["AWS_LAMBDA_INITIALIZATION_TYPE"]);
        Assert.False(string.IsNullOrEmpty(env["AWS_ACCESS_KEY_ID"]));
        Assert.False(string.IsNullOrEmpty(env["AWS_SECRET_ACCESS_KEY"]));
        Assert.False(string.IsNullOrEmpty(env["AWS_SESSION_TOKEN"]));
        Assert.False(env.ContainsKey("AWS_LAMBDA_MAX_CONCURRENCY"));
        Assert.False(env.ContainsKey("AWS_LAMBDA_LOG_FORMAT"));
    }

    [Fact]
    public async Task Environment_CustomOptions_AreReflected()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions
        {
            FunctionName = "orders",
            FunctionVersion = "7",
            MemorySizeMb = 1024,
            Region = "eu-west-1",
            Handler = "Orders::Handle",
            MaxConcurrency = 4,
            TaskRoot = "/tmp/task",
            AccessKeyId = "AKIATESTONLY",
            SecretAccessKey = "secret-test-only",
            SessionToken = "token-test-only",
            LogFormat = "JSON",
            LogLevel = "DEBUG",
            AdditionalEnvironment = new Dictionary<string, string> { ["EXTRA"] = "1", ["_HANDLER"] = "overridden" },
        });
        IReadOnlyDictionary<string, string> env = aws.Environment;

        Assert.Equal("orders", env["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("7", env["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("1024", env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("eu-west-1", env["AWS_REGION"]);
        Assert.Equal("eu-west-1", env["AWS_DEFAULT_REGION"]);
        Assert.Equal("/aws/lambda/orders", env["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Contains("/[7]", env["AWS_LAMBDA_LOG_STREAM_NAME"], StringComparison.Ordinal);
        Assert.Equal("4", env["AWS_LAMBDA_MAX_CONCURRENCY"]);
        Assert.Equal("/tmp/task", env["LAMBDA_TASK_ROOT"]);
        Assert.Equal("AKIATESTONLY", env["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("secret-test-only", env["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("token-test-only", env["AWS_SESSION_TOKEN"]);
        Assert.Equal("JSON", env["AWS_LAMBDA_LOG_FORMAT"]);
        Assert.Equal("DEBUG", env["AWS_LAMBDA_LOG_LEVEL"]);
        Assert.Equal("1", env["EXTRA"]);
        Assert.Equal("overridden", env["_HANDLER"]);
        Assert.Equal("arn:aws:lambda:eu-west-1:012345678912:function:orders", aws.FunctionArn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Start_MaxConcurrencyBelowOne_Throws(int maxConcurrency)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { MaxConcurrency = maxConcurrency }));
    }
}
