using OpenCvSharp;

namespace VisualAgent.Vision.Native;

/// <summary>Counters of the native image objects, for leak checks in tests and diagnostics, and the OpenCV version.</summary>
public static class NativeDiagnostics
{
    private static int s_live;

    /// <summary>Native images (OpenCV Mats owned by <see cref="Image"/> or made inside an operation) currently alive.</summary>
    public static int LiveObjectCount => Volatile.Read(ref s_live);

    /// <summary>The version of the OpenCV library OpenCvSharp loaded (e.g. "4.13.0"); loading it is the check that
    /// the native library and its system libraries are present.</summary>
    public static string OpenCvVersion
    {
        get
        {
            OpenCvRuntime.EnsureSystemLibrariesFirst();
            return Cv2.GetVersionString() ?? "unknown";
        }
    }

    internal static void Created() => Interlocked.Increment(ref s_live);

    internal static void Released() => Interlocked.Decrement(ref s_live);
}
