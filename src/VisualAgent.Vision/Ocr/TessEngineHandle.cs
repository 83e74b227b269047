using System.Runtime.InteropServices;

namespace VisualAgent.Vision.Ocr;

/// <summary>Owns one TessBaseAPI; releasing it calls End and Delete.</summary>
internal sealed class TessEngineHandle : SafeHandle
{
    public TessEngineHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    internal static TessEngineHandle Create()
    {
        var h = new TessEngineHandle();
        h.SetHandle(TessNative.TessBaseAPICreate());
        return h;
    }

    protected override bool ReleaseHandle()
    {
        TessNative.TessBaseAPIEnd(handle);
        TessNative.TessBaseAPIDelete(handle);
        return true;
    }
}
