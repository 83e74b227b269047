using System.Runtime.InteropServices;

namespace VisualAgent.Vision.Ocr;

/// <summary>The parts of Tesseract's C API (capi.h) the OCR layer uses. BOOL is int.</summary>
internal static partial class TessNative
{
    private const string Lib = "libtesseract.so.5";

    internal const int RilTextLine = 2;
    internal const int RilWord = 3;

    // The static constructor runs before the first call into the library, i.e. before libtesseract and its
    // OpenMP runtime load: the only moment OMP_THREAD_LIMIT can still take effect: libgomp reads it once, when it loads, and Tesseract's
    // OpenMP threads on 2 cores make OCR slower, not faster.
    static TessNative() => NativeEnvironment.LimitOpenMpThreads();

    [LibraryImport(Lib)]
    internal static partial nint TessVersion();

    [LibraryImport(Lib)]
    internal static partial nint TessBaseAPICreate();

    [LibraryImport(Lib)]
    internal static partial void TessBaseAPIDelete(nint api);

    [LibraryImport(Lib)]
    internal static partial void TessBaseAPIEnd(nint api);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit3(nint api, string? dataPath, string language);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPISetVariable(nint api, string name, string value);

    [LibraryImport(Lib)]
    internal static partial void TessBaseAPISetPageSegMode(nint api, int mode);

    [LibraryImport(Lib)]
    internal static unsafe partial void TessBaseAPISetImage(nint api, byte* data, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(Lib)]
    internal static partial void TessBaseAPISetSourceResolution(nint api, int ppi);

    [LibraryImport(Lib)]
    internal static partial int TessBaseAPIRecognize(nint api, nint monitor);

    [LibraryImport(Lib)]
    internal static partial nint TessBaseAPIGetIterator(nint api);

    [LibraryImport(Lib)]
    internal static partial void TessBaseAPIClear(nint api);

    [LibraryImport(Lib)]
    internal static partial void TessResultIteratorDelete(nint iterator);

    [LibraryImport(Lib)]
    internal static partial nint TessResultIteratorGetPageIterator(nint iterator);

    [LibraryImport(Lib)]
    internal static partial nint TessResultIteratorGetUTF8Text(nint iterator, int level);

    [LibraryImport(Lib)]
    internal static partial float TessResultIteratorConfidence(nint iterator, int level);

    [LibraryImport(Lib)]
    internal static partial int TessResultIteratorNext(nint iterator, int level);

    [LibraryImport(Lib)]
    internal static partial int TessPageIteratorBoundingBox(nint pageIterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Lib)]
    internal static partial int TessPageIteratorIsAtBeginningOf(nint pageIterator, int level);

    [LibraryImport(Lib)]
    internal static partial void TessDeleteText(nint text);

    /// <summary>Reads a Tesseract-allocated UTF-8 string and frees it with TessDeleteText.</summary>
    internal static string TakeText(nint text)
    {
        if (text == nint.Zero)
        {
            return "";
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? "";
        }
        finally
        {
            TessDeleteText(text);
        }
    }
}
