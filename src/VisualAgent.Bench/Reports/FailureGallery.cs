using VisualAgent.Bench.Scoring;
using VisualAgent.Geometry;
using VisualAgent.Vision;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// The failures shown in report.html: each image with the true box and the predicted point (and box) drawn, as a
/// base64 PNG at most <see cref="MaxWidth"/> wide; capped at <see cref="MaxItems"/> so the report stays small.
/// </summary>
internal static class FailureGallery
{
    public const int MaxItems = 24;
    public const int MaxWidth = 720;

    public sealed record Item(SampleResult Result, string? PngBase64);

    public static IReadOnlyList<Item> Build(IReadOnlyList<SampleResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var failures = results
            .Where(r => r.Score < 1)
            .OrderBy(r => r.Ok ? 1 : 0)
            .ThenBy(r => r.Model, StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(MaxItems)
            .ToList();
        return [.. failures.Select(r => new Item(r, Draw(r)))];
    }

    private static string? Draw(SampleResult r)
    {
        if (r.Image is null || !File.Exists(r.Image))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(r.Image);
            ScreenPoint? point = r.PredPoint is [var x, var y] ? new ScreenPoint(x, y) : null;
            ScreenBox? truth = r.TruthBox is [var a, var b, var c, var d] ? new ScreenBox(a, b, c, d) : null;
            var annotated = Annotations.AnnotateStep(bytes, point, truth, r.Model);
            if (r.PredBox is [var p1, var p2, var p3, var p4])
            {
                using var withBox = Image.Decode(annotated);
                withBox.DrawBox(new ScreenBox(p1, p2, p3, p4), DrawColor.Blue, 2);
                annotated = withBox.EncodePng();
            }

            using var image = Image.Decode(annotated);
            if (image.Size.Width <= MaxWidth)
            {
                return Convert.ToBase64String(annotated);
            }

            var scale = (double)MaxWidth / image.Size.Width;
            using var small = image.Resize(new PixelSize(MaxWidth, Math.Max(1, (int)Math.Round(image.Size.Height * scale))));
            return Convert.ToBase64String(small.EncodePng());
        }
        catch (Exception ex) when (ex is IOException or Errors.ImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
