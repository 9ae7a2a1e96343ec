namespace Runtime.Engine.Layers.Native;

/// <summary>The layer ABI's constants: version, export names and return codes (docs/layer-abi.md).</summary>
public static class NativeAbi
{
    /// <summary>The ABI version this engine speaks. A library reporting another version is refused.</summary>
    public const int Version = 1;

    /// <summary><c>int32_t faas_layer_abi_version(void)</c>.</summary>
    public const string AbiVersionExport = "faas_layer_abi_version";

    /// <summary><c>int32_t faas_layer_init(const uint8_t* manifest, int32_t length, faas_log_fn log, faas_buffer* info, faas_buffer* error)</c>.</summary>
    public const string InitExport = "faas_layer_init";

    /// <summary><c>int32_t faas_layer_hook(int32_t phase, const uint8_t* context, int32_t length, faas_buffer* error)</c>.</summary>
    public const string HookExport = "faas_layer_hook";

    /// <summary><c>int32_t faas_layer_invoke(const uint8_t* request, int32_t length, faas_buffer* response, faas_buffer* error)</c>.</summary>
    public const string InvokeExport = "faas_layer_invoke";

    /// <summary><c>void faas_layer_free(uint8_t* pointer)</c>.</summary>
    public const string FreeExport = "faas_layer_free";

    /// <summary>The call succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The call failed; the error buffer holds <c>{"errorType","errorMessage"}</c> JSON.</summary>
    public const int Failed = 1;

    /// <summary>The call was made out of order (hook or invoke before init, init twice).</summary>
    public const int Misuse = -1;
}
