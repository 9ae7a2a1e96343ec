using System.Collections.Generic;

namespace Runtime.Light.Hosting;

/// <summary>The process environment, read once at RuntimeStart; injected so tests never change the real one.</summary>
public interface IEnvironment
{
    /// <summary>The value of <paramref name="name"/>, or null when unset.</summary>
    string? Get(string name);

    /// <summary>Sets a variable (used for <c>_X_AMZN_TRACE_ID</c>, which the runtime must set per invocation).</summary>
    void Set(string name, string? value);
}

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironment
{
    /// <inheritdoc />
    public string? Get(string name) => System.Environment.GetEnvironmentVariable(name);

    /// <inheritdoc />
    public void Set(string name, string? value) => System.Environment.SetEnvironmentVariable(name, value);
}

/// <summary>An environment held in a dictionary, for tests and for running several runtimes in one process.</summary>
public sealed class DictionaryEnvironment : IEnvironment
{
    private readonly Dictionary<string, string?> _values;

    /// <summary>Creates the environment from <paramref name="values"/> (copied).</summary>
    public DictionaryEnvironment(IEnumerable<KeyValuePair<string, string>> values)
    {
        _values = new Dictionary<string, string?>();
        foreach (KeyValuePair<string, string> pair in values)
        {
            _values[pair.Key] = pair.Value;
        }
    }

    /// <inheritdoc />
    public string? Get(string name)
    {
        lock (_values)
        {
            return _values.TryGetValue(name, out string? value) ? value : null;
        }
    }

    /// <inheritdoc />
    public void Set(string name, string? value)
    {
        lock (_values)
        {
            _values[name] = value;
        }
    }
}
