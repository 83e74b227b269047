using System.Runtime.InteropServices;

namespace VisualAgent.Vision.Native;

/// <summary>Owns one cv::Mat created by the shim; releasing it frees the pixels.</summary>
internal sealed class MatHandle : SafeHandle
{
    public MatHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => VaNative.Release(handle) == VaNative.Ok;
}
