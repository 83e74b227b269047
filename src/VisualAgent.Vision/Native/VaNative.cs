using System.Runtime.InteropServices;

namespace VisualAgent.Vision.Native;

/// <summary>The C ABI of vashim.cpp. Every function returns 0 on success, an error code otherwise.</summary>
internal static partial class VaNative
{
    private const string Lib = "libvashim.so";

    internal const int Ok = 0;
    internal const int ErrDecode = 2;

    [LibraryImport(Lib, EntryPoint = "va_live_count")]
    internal static partial int LiveCount();

    [LibraryImport(Lib, EntryPoint = "va_last_error")]
    internal static unsafe partial int LastError(byte* buffer, int length);

    [LibraryImport(Lib, EntryPoint = "va_release")]
    internal static partial int Release(nint mat);

    [LibraryImport(Lib, EntryPoint = "va_free_buffer")]
    internal static partial int FreeBuffer(nint buffer);

    [LibraryImport(Lib, EntryPoint = "va_decode")]
    internal static unsafe partial int Decode(byte* data, int length, out MatHandle mat);

    [LibraryImport(Lib, EntryPoint = "va_from_pixels")]
    internal static unsafe partial int FromPixels(byte* data, int width, int height, int stride, int format, out MatHandle mat);

    [LibraryImport(Lib, EntryPoint = "va_info")]
    internal static partial int Info(MatHandle mat, out int width, out int height, out int channels);

    [LibraryImport(Lib, EntryPoint = "va_copy_pixels")]
    internal static unsafe partial int CopyPixels(MatHandle mat, byte* destination, long length);

    [LibraryImport(Lib, EntryPoint = "va_encode")]
    internal static partial int Encode(MatHandle mat, int format, int parameter, out nint data, out int length);

    [LibraryImport(Lib, EntryPoint = "va_clone")]
    internal static partial int Clone(MatHandle mat, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_resize")]
    internal static partial int Resize(MatHandle mat, int width, int height, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_crop")]
    internal static partial int Crop(MatHandle mat, int x, int y, int width, int height, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_convert")]
    internal static partial int Convert(MatHandle mat, int kind, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_threshold")]
    internal static partial int Threshold(MatHandle mat, double value, int type, int otsu, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_absdiff")]
    internal static partial int AbsDiff(MatHandle a, MatHandle b, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_changed_regions")]
    internal static unsafe partial int ChangedRegions(
        MatHandle a, MatHandle b, int threshold, int grow, int minArea, int* boxes, int maxBoxes, out int count, out double fraction);

    [LibraryImport(Lib, EntryPoint = "va_match_template")]
    internal static partial int MatchTemplate(MatHandle image, MatHandle template, out int x, out int y, out double score);

    [LibraryImport(Lib, EntryPoint = "va_find_contours")]
    internal static unsafe partial int FindContours(MatHandle mat, int mode, int* rects, int maxRects, out int count);

    [LibraryImport(Lib, EntryPoint = "va_morphology")]
    internal static partial int Morphology(MatHandle mat, int op, int kernelWidth, int kernelHeight, int iterations, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_canny")]
    internal static partial int Canny(MatHandle mat, double low, double high, out MatHandle result);

    [LibraryImport(Lib, EntryPoint = "va_mean")]
    internal static partial int Mean(MatHandle mat, out double b, out double g, out double r);

    [LibraryImport(Lib, EntryPoint = "va_draw_rect")]
    internal static partial int DrawRect(MatHandle mat, int x1, int y1, int x2, int y2, int b, int g, int r, int thickness);

    [LibraryImport(Lib, EntryPoint = "va_draw_point")]
    internal static partial int DrawPoint(MatHandle mat, int x, int y, int radius, int b, int g, int r, int thickness);

    [LibraryImport(Lib, EntryPoint = "va_draw_label", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int DrawLabel(
        MatHandle mat, string text, int x, int y, double scale, int fb, int fg, int fr, int bb, int bg, int br);

    /// <summary>The shim's message for the last failure on this thread.</summary>
    internal static unsafe string LastErrorMessage()
    {
        var buffer = stackalloc byte[512];
        return LastError(buffer, 512) == Ok ? Marshal.PtrToStringUTF8((nint)buffer) ?? "" : "unknown native error";
    }

    /// <summary>Throws when <paramref name="code"/> is an error; the message carries the operation and OpenCV's reason.</summary>
    internal static void Check(int code, string operation)
    {
        if (code != Ok)
        {
            throw new InvalidOperationException($"Image operation '{operation}' failed (code {code}): {LastErrorMessage()}");
        }
    }
}
