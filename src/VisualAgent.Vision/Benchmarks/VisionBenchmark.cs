using System.Diagnostics;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Benchmarks;

/// <summary>
/// Medians (Stopwatch, after one warm-up) of the vision operations on one screenshot, meant for a 1920x1080 PNG:
/// decode, resize to the Qwen3-VL 1280-token size (1504x832), PNG and JPEG encode, diff, template match,
/// full-page OCR, per-control OCR and one grounding. OCR runs with the cache off so every run reads again.
/// </summary>
public static class VisionBenchmark
{
    /// <summary>Target of the "resize" row: Qwen3-VL at 1280 image tokens for a 16:9 screenshot.</summary>
    public static PixelSize ResizeTarget { get; } = new(1504, 832);

    public static async Task<IReadOnlyList<(string Name, double MedianMs)>> RunAsync(
        byte[] png, int iterations, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var rows = new List<(string, double)>();
        using var image = Image.Decode(png);
        using var shifted = image.Clone();
        shifted.DrawBox(new ScreenBox(image.Width / 3.0, image.Height / 3.0, image.Width / 2.0, image.Height / 2.0), DrawColor.Blue, 3);
        var templateBox = new ScreenBox(image.Width / 4.0, image.Height / 4.0, (image.Width / 4.0) + 110, (image.Height / 4.0) + 43);
        using var template = image.Crop(templateBox);

        rows.Add(("decode png", Measure(iterations, () => Image.Decode(png).Dispose())));
        rows.Add(($"resize to {ResizeTarget}", Measure(iterations, () => image.Resize(ResizeTarget).Dispose())));
        rows.Add(("encode png", Measure(iterations, () => image.EncodePng())));
        rows.Add(("encode jpeg q85", Measure(iterations, () => image.EncodeJpeg(85))));
        rows.Add(("diff (changed regions)", Measure(iterations, () => image.ChangedRegions(shifted))));
        rows.Add(("template match 110x43", Measure(iterations, () => image.MatchTemplate(template))));
        rows.Add(("control detection", Measure(iterations, () => ControlDetector.Detect(image))));
        rows.AddRange(StepRows(iterations, shifted.EncodePng(), png));

        using var ocr = new TesseractOcr(new OcrOptions { CacheEntries = 0, PoolSize = 1 });
        rows.Add(("ocr full page (psm 11)", await MeasureAsync(iterations, () => ocr.RecognizeAsync(image, null, cancellationToken)).ConfigureAwait(false)));
        var controls = ControlDetector.Detect(image);
        var control = controls.Count > 0 ? controls[0] : templateBox;
        rows.Add(("ocr one control (psm 7, 2x)", await MeasureAsync(iterations, () => ocr.RecognizeAsync(image, OcrRequest.SingleLine(control), cancellationToken)).ConfigureAwait(false)));

        using var cachedOcr = new TesseractOcr();
        var grounder = new OcrGrounder(cachedOcr);
        var page = await cachedOcr.RecognizeAsync(image, null, cancellationToken).ConfigureAwait(false);
        var word = page.Words.Where(w => w.Text.Length >= 4 && w.Confidence > 80).Select(w => w.Text).FirstOrDefault() ?? "OK";
        var request = new GroundingRequest(new Screenshot { Png = png, Size = image.Size }, $"click \"{word}\"");
        rows.Add(("grounding (ocr cached)", await MeasureAsync(iterations, () => grounder.GroundAsync(request, cancellationToken)).ConfigureAwait(false)));
        return rows;
    }

    /// <summary>
    /// What one agent step does with a new capture once the previous capture was decoded: screen change against the
    /// previous shot, the annotated copy, the model's resize. Frame cache off (each consumer decodes: the old
    /// pipeline) against on (the new capture decoded once), the previous shot's decode outside the timing both times.
    /// </summary>
    private static IEnumerable<(string, double)> StepRows(int iterations, byte[] previous, byte[] current)
    {
        var cache = FrameCache.Shared;
        var kept = cache.MaxBytes;
        void Step()
        {
            _ = ScreenChange.Compare(previous, current);
            _ = Annotations.AnnotateStep(current, new ScreenPoint(100, 100));
            _ = PngResizer.Resize(current, ResizeTarget);
        }

        void Warm()
        {
            cache.Clear();
            cache.Rent(previous).Dispose();
        }

        try
        {
            cache.MaxBytes = 0;
            var off = Measure(iterations, Step, Warm);
            cache.MaxBytes = kept;
            var on = Measure(iterations, Step, Warm);
            return [("step: change+annotate+resize, each decodes", off), ("step: same, frame cache (1 decode)", on)];
        }
        finally
        {
            cache.MaxBytes = kept;
            cache.Clear();
        }
    }

    private static double Measure(int iterations, Action action, Action setup)
    {
        setup();
        action();
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            setup();
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Median(times);
    }

    private static double Measure(int iterations, Action action)
    {
        action();
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Median(times);
    }

    private static async Task<double> MeasureAsync<T>(int iterations, Func<Task<T>> action)
    {
        await action().ConfigureAwait(false);
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action().ConfigureAwait(false);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Median(times);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return Math.Round(values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2, 2);
    }
}
