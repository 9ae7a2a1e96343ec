using System;
using System.Runtime.InteropServices;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Layers.Native;

/// <summary>The C entry points a native layer library exports (docs/layer-abi.md). No exception ever leaves them.</summary>
public static unsafe partial class NativeLayerExports
{
    private static NativeLayerInstance? s_instance;

    [UnmanagedCallersOnly(EntryPoint = NativeAbi.AbiVersionExport)]
    private static int AbiVersion() => NativeAbi.Version;

    [UnmanagedCallersOnly(EntryPoint = NativeAbi.InitExport)]
    private static int Init(byte* manifest, int length, delegate* unmanaged<int, byte*, int, void> log, NativeBuffer* info, NativeBuffer* error)
    {
        try
        {
            if (s_instance is not null)
            {
                return NativeAbi.Misuse;
            }
            Func<FaaSLayer> factory = Factory ?? throw new InvalidOperationException(
                "This library registers no layer: its module initializer must call NativeLayerExports.Register.");
            NativeLayerInstance instance = NativeLayerInstance.Create(factory, new ReadOnlySpan<byte>(manifest, length), log);
            s_instance = instance;
            *info = NativeMessages.ToNative(instance.Describe());
            return NativeAbi.Ok;
        }
        catch (Exception ex)
        {
            *error = ErrorBuffer(ex);
            return NativeAbi.Failed;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = NativeAbi.HookExport)]
    private static int Hook(int phase, byte* context, int length, NativeBuffer* error)
    {
        NativeLayerInstance? instance = s_instance;
        if (instance is null)
        {
            return NativeAbi.Misuse;
        }
        try
        {
            instance.RunHooks(phase, new ReadOnlySpan<byte>(context, length));
            return NativeAbi.Ok;
        }
        catch (Exception ex)
        {
            *error = ErrorBuffer(ex);
            return NativeAbi.Failed;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = NativeAbi.InvokeExport)]
    private static int Invoke(byte* request, int length, NativeBuffer* response, NativeBuffer* error)
    {
        NativeLayerInstance? instance = s_instance;
        if (instance is null)
        {
            return NativeAbi.Misuse;
        }
        try
        {
            using var output = new PooledBufferWriter(4096);
            instance.Invoke(new ReadOnlySpan<byte>(request, length).ToArray(), output);
            *response = NativeMessages.ToNative(output.WrittenSpan);
            return NativeAbi.Ok;
        }
        catch (Exception ex)
        {
            *error = ErrorBuffer(ex);
            return NativeAbi.Failed;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = NativeAbi.FreeExport)]
    private static void Free(byte* pointer) => NativeMemory.Free(pointer);

    private static NativeBuffer ErrorBuffer(Exception exception)
    {
        using var buffer = new PooledBufferWriter(512);
        FaaSErrorFactory.FromException(exception).WriteJson(buffer);
        return NativeMessages.ToNative(buffer.WrittenSpan);
    }
}
