using System.Runtime.InteropServices;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// <c>faas_buffer</c> of the layer ABI: bytes the callee allocated (with <see cref="NativeMemory.Alloc(nuint)"/>) and the
/// caller frees with the callee's <c>faas_layer_free</c>. Empty when <see cref="Pointer"/> is null.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct NativeBuffer
{
    /// <summary>The bytes, or null.</summary>
    public byte* Pointer;

    /// <summary>How many bytes.</summary>
    public int Length;
}
