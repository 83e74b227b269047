using System.Runtime.InteropServices;

namespace VisualAgent.Vision.Native;

/// <summary>
/// Loads the system libraries that OpenCvSharp's native library would otherwise be the first to load, before it.
/// </summary>
/// <remarks>
/// libOpenCvSharpExtern.so (OpenCvSharp4.official.runtime.linux-x64) statically contains libpng, libjpeg, zstd, lzma,
/// lz4, Leptonica and Tesseract and exports all their symbols, while it also links system libraries (through GTK and
/// freetype) that include libpng16, libjpeg62, libzstd, liblzma and liblz4. A system library first loaded as its
/// dependency looks symbols up in its group, where libOpenCvSharpExtern.so comes first: system libpng16's internal
/// calls then land in OpenCV's bundled libpng. Leptonica (under our Tesseract) calls system libpng16, and the mixed
/// structures abort the process ("libpng error: Invalid IHDR data", "double free or corruption"). Loaded here first,
/// each of these libraries binds to itself; libOpenCvSharpExtern.so still binds to its own copies.
/// </remarks>
internal static class OpenCvRuntime
{
    private static readonly string[] SharedWithOpenCv =
        ["libpng16.so.16", "libjpeg.so.62", "libzstd.so.1", "liblzma.so.5", "liblz4.so.1"];

    private static int s_done;

    /// <summary>Idempotent; call before the first OpenCvSharp call.</summary>
    public static void EnsureSystemLibrariesFirst()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref s_done, 1) != 0)
        {
            return;
        }

        foreach (var library in SharedWithOpenCv)
        {
            // A library that is missing is not needed by anything else either; OpenCvSharp reports what it lacks itself.
            _ = NativeLibrary.TryLoad(library, out _);
        }
    }
}
