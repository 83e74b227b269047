namespace VisualAgent.Vision.Native;

/// <summary>Counters of the native shim, for leak checks in tests and diagnostics.</summary>
public static class NativeDiagnostics
{
    /// <summary>Native objects (images and encoded buffers) currently alive in the shim.</summary>
    public static int LiveObjectCount => VaNative.LiveCount();
}
