using System.Collections.Generic;
using Runtime.Engine.Errors;

namespace Runtime.Light.Hosting;

/// <summary>The runtime's configuration has values that do not parse; the message lists every one.</summary>
internal sealed class ConfigurationException : FaaSRuntimeException
{
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(ErrorTypes.ConfigInvalid, "Invalid runtime configuration: " + string.Join(" ", problems))
    {
    }

    public ConfigurationException(string problem)
        : base(ErrorTypes.ConfigInvalid, "Invalid runtime configuration: " + problem)
    {
    }
}
