namespace Runtime.Engine.Generators.Emit;

/// <summary>The fully qualified names the generated code uses, so no using directive of the user's can change them.</summary>
internal static class Names
{
    public const string FunctionAppBuilder = "global::Runtime.Engine.FunctionAppBuilder";
    public const string FaaSContext = "global::Runtime.Engine.FaaSContext";
    public const string FaaSRequest = "global::Runtime.Engine.Http.FaaSRequest";
    public const string FaaSResponse = "global::Runtime.Engine.Http.FaaSResponse";
    public const string IFunctionHandler = "global::Runtime.Engine.Functions.IFunctionHandler";
    public const string HttpFunction = "global::Runtime.Engine.Functions.HttpFunction";
    public const string EventFunction = "global::Runtime.Engine.Functions.EventFunction";
    public const string FunctionLifetime = "global::Runtime.Engine.Functions.FunctionLifetime";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string IServiceProvider = "global::System.IServiceProvider";
    public const string IDisposable = "global::System.IDisposable";
    public const string IAsyncDisposable = "global::System.IAsyncDisposable";
    public const string ServiceProviderExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
    public const string ServiceCollectionExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions";
}
