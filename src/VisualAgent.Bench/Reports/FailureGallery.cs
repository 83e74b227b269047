using VisualAgent.Bench.Scoring;
using VisualAgent.Geometry;
using VisualAgent.Vision;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// The failures shown in report.html, per model so that every model's failures can be reached: each image with the true
/// box and the predicted point (and box) drawn, or a task's final screen, as a base64 PNG at most <see cref="MaxWidth"/>
/// wide; capped at <see cref="MaxItems"/> per model so the report stays small. A task's false successes come first.
/// </summary>
internal static class FailureGallery
{
    public const int MaxItems = 24;
    public const int MaxWidth = 720;

    /// <summary>Task screens are shown smaller: they are whole viewports, and there is one per failed task.</summary>
    public const int MaxTaskWidth = 480;

    public sealed record Item(SampleResult Result, string? PngBase64);

    /// <summary>One model's failures: how many there are, and the first <see cref="MaxItems"/> drawn.</summary>
    public sealed record Section(string Model, bool Simulated, int Total, IReadOnlyList<Item> Items);

    /// <summary>A failure: a task whose verdict or truth went wrong (it has a cause), any other sample scoring below 1.</summary>
    public static bool IsFailure(SampleResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Verdict is not null ? r.Cause is not null : r.Score < 1;
    }

    /// <summary>The failures of each model, models in <paramref name="order"/> (the report's order; others after them by name).</summary>
    public static IReadOnlyList<Section> ByModel(IReadOnlyList<SampleResult> results, IReadOnlyList<string>? order = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var model in order ?? [])
        {
            ranks.TryAdd(model, ranks.Count);
        }

        int Rank(string model) => ranks.TryGetValue(model, out var rank) ? rank : int.MaxValue;
        return [.. results.GroupBy(r => r.Model, StringComparer.Ordinal).OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var failures = g.Where(IsFailure)
                .OrderBy(r => r.FalseSuccess == true ? 0 : 1)
                .ThenBy(r => r.Ok ? 1 : 0)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            return new Section(g.Key, g.Any(r => r.Simulated), failures.Count, [.. failures.Take(MaxItems).Select(r => new Item(r, Draw(r)))]);
        })];
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
            var maxWidth = r.Verdict is null ? MaxWidth : MaxTaskWidth;
            if (image.Size.Width <= maxWidth)
            {
                return Convert.ToBase64String(annotated);
            }

            var scale = (double)maxWidth / image.Size.Width;
            using var small = image.Resize(new PixelSize(maxWidth, Math.Max(1, (int)Math.Round(image.Size.Height * scale))));
            return Convert.ToBase64String(small.EncodePng());
        }
        catch (Exception ex) when (ex is IOException or Errors.ImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
