using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Vision.Ocr;

/// <summary>One initialised Tesseract engine. Not thread-safe: the pool hands it to one caller at a time.</summary>
internal sealed class TesseractEngine : IDisposable
{
    private readonly TessEngineHandle _api;
    private readonly int _resolution;

    private TesseractEngine(TessEngineHandle api, int resolution)
    {
        _api = api;
        _resolution = resolution;
    }

    internal static TesseractEngine Create(OcrOptions options)
    {
        TessdataLocator.CheckLanguages(options.DataPath, options.Languages);
        TessEngineHandle api;
        try
        {
            api = TessEngineHandle.Create();
        }
        catch (DllNotFoundException ex)
        {
            throw new EnvironmentMissingException(
                "Tesseract is not installed (libtesseract.so.5 not found): apt-get install -y libtesseract5 tesseract-ocr-eng (or run scripts/setup.sh).", ex);
        }

        var handle = api.DangerousGetHandle();
        if (TessNative.TessBaseAPIInit3(handle, options.DataPath, options.Languages) != 0)
        {
            api.Dispose();
            throw new EnvironmentMissingException(
                $"Tesseract could not load language(s) '{options.Languages}'. Install them: apt-get install -y {TessdataLocator.PackagesFor(options.Languages)}.");
        }

        TessNative.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        return new TesseractEngine(api, options.SourceResolution);
    }

    /// <summary>Recognises 8-bit gray pixels; boxes come back in the pixels' own coordinates.</summary>
    internal unsafe OcrResult Recognize(byte[] gray, int width, int height, int pageSegMode)
    {
        var api = _api.DangerousGetHandle();
        TessNative.TessBaseAPISetPageSegMode(api, pageSegMode);
        fixed (byte* p = gray)
        {
            TessNative.TessBaseAPISetImage(api, p, width, height, 1, width);
            TessNative.TessBaseAPISetSourceResolution(api, _resolution);
            if (TessNative.TessBaseAPIRecognize(api, nint.Zero) != 0)
            {
                TessNative.TessBaseAPIClear(api);
                throw new InvalidOperationException("Tesseract failed to recognise the image.");
            }
        }

        var iterator = TessNative.TessBaseAPIGetIterator(api);
        try
        {
            return iterator == nint.Zero ? OcrResult.Empty : ReadWords(iterator);
        }
        finally
        {
            if (iterator != nint.Zero)
            {
                TessNative.TessResultIteratorDelete(iterator);
            }

            TessNative.TessBaseAPIClear(api);
        }
    }

    public void Dispose() => _api.Dispose();

    private static OcrResult ReadWords(nint iterator)
    {
        var page = TessNative.TessResultIteratorGetPageIterator(iterator);
        var lines = new List<OcrLine>();
        var words = new List<OcrWord>();
        var current = new List<OcrWord>();
        var lineBox = default(ScreenBox);
        do
        {
            if (TessNative.TessPageIteratorIsAtBeginningOf(page, TessNative.RilTextLine) != 0)
            {
                Flush(lines, current, lineBox);
                lineBox = TessNative.TessPageIteratorBoundingBox(page, TessNative.RilTextLine, out var l, out var t, out var r, out var b) != 0
                    ? new ScreenBox(l, t, r, b)
                    : default;
            }

            var text = TessNative.TakeText(TessNative.TessResultIteratorGetUTF8Text(iterator, TessNative.RilWord)).Trim();
            if (text.Length == 0
                || TessNative.TessPageIteratorBoundingBox(page, TessNative.RilWord, out var x1, out var y1, out var x2, out var y2) == 0)
            {
                continue; // input borders come out as empty "words"
            }

            var word = new OcrWord(text, new ScreenBox(x1, y1, x2, y2), TessNative.TessResultIteratorConfidence(iterator, TessNative.RilWord), lines.Count);
            words.Add(word);
            current.Add(word);
        }
        while (TessNative.TessResultIteratorNext(iterator, TessNative.RilWord) != 0);

        Flush(lines, current, lineBox);
        return new OcrResult(words, lines);
    }

    private static void Flush(List<OcrLine> lines, List<OcrWord> current, ScreenBox lineBox)
    {
        if (current.Count == 0)
        {
            return;
        }

        var box = lineBox.Area > 0 ? lineBox : Union(current);
        lines.Add(new OcrLine(string.Join(' ', current.Select(w => w.Text)), box, current.Average(w => w.Confidence), current.ToArray()));
        current.Clear();
    }

    internal static ScreenBox Union(IEnumerable<OcrWord> words) =>
        words.Select(w => w.Box).Aggregate((a, b) => new ScreenBox(Math.Min(a.X1, b.X1), Math.Min(a.Y1, b.Y1), Math.Max(a.X2, b.X2), Math.Max(a.Y2, b.Y2)));
}
