using System;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Runtime.Engine.Lifecycle;

/// <summary>What RuntimeStart hooks see: the function's description and the services not yet built.</summary>
public sealed class RuntimeStartContext
{
    internal RuntimeStartContext(FunctionInfo function, IServiceCollection services, ILogger logger)
    {
        Function = function;
        Services = services;
        Logger = logger;
    }

    /// <summary>The deployed function.</summary>
    public FunctionInfo Function { get; }

    /// <summary>Services still open for registration (built at FunctionStart).</summary>
    public IServiceCollection Services { get; }

    /// <summary>The runtime's logger.</summary>
    public ILogger Logger { get; }
}

/// <summary>What FunctionStart hooks see: the function chosen and the built services.</summary>
public sealed class FunctionStartContext
{
    internal FunctionStartContext(FunctionInfo function, string functionName, IServiceProvider services, ILogger logger)
    {
        Function = function;
        FunctionName = functionName;
        Services = services;
        Logger = logger;
    }

    /// <summary>The deployed function.</summary>
    public FunctionInfo Function { get; }

    /// <summary>The registered function that is starting.</summary>
    public string FunctionName { get; }

    /// <summary>The root services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The runtime's logger.</summary>
    public ILogger Logger { get; }
}

/// <summary>What Close hooks see: why the runtime stops and how long it has.</summary>
public sealed class CloseContext
{
    internal CloseContext(FunctionInfo function, string reason, DateTimeOffset deadline, ILogger logger)
    {
        Function = function;
        Reason = reason;
        Deadline = deadline;
        Logger = logger;
    }

    /// <summary>The deployed function.</summary>
    public FunctionInfo Function { get; }

    /// <summary>Why the runtime stops (for example <c>SIGTERM</c>).</summary>
    public string Reason { get; }

    /// <summary>When the platform's grace period ends.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>The runtime's logger.</summary>
    public ILogger Logger { get; }
}
