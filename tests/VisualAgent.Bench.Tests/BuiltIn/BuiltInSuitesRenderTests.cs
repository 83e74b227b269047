using System.Text.Json;
using VisualAgent.Bench.BuiltIn;
using VisualAgent.Tests.Datasets;

namespace VisualAgent.Tests.BuiltIn;

/// <summary>Renders a built-in suite in the assembly's shared Chromium (see <see cref="BrowserFixture"/>).</summary>
public sealed class BuiltInSuitesRenderTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnsureGeneratedAsync_Refexp_RendersTheCommittedAnnotationsAndIsIdempotent()
    {
        var cache = BrowserFixture.NewFolder("builtin-refexp");
        var file = await BuiltInSuites.EnsureGeneratedAsync("refexp-samples", cache, fixture.Browser, Ct);
        var folder = Path.GetDirectoryName(file)!;

        Assert.Equal(Path.Combine(cache, "refexp-samples", "refexp-samples.jsonl"), file);
        Assert.True(File.Exists(Path.Combine(folder, BuiltInSuites.CompleteMarker)));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "images"), "*.png").Length);
        // Same Chromium, same drawing: the annotations equal the committed copy's, byte for byte.
        Assert.Equal(await File.ReadAllTextAsync(BuiltInSuites.FindCommitted("refexp-samples")!, Ct), await File.ReadAllTextAsync(file, Ct));
        var red = JsonDocument.Parse(File.ReadLines(file).First()).RootElement;
        Assert.Equal("the red car on the left", red.GetProperty("expression").GetString());
        Assert.Equal([50, 300, 240, 395], red.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));

        var written = File.GetLastWriteTimeUtc(file);
        Assert.Equal(file, await BuiltInSuites.EnsureGeneratedAsync("refexp-samples", cache, fixture.Browser, Ct));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task EnsureGeneratedAsync_MarkerMissing_GeneratesAgain()
    {
        var cache = BrowserFixture.NewFolder("builtin-rerun");
        var folder = Path.Combine(cache, "ocr-samples");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        await File.WriteAllTextAsync(Path.Combine(folder, "ocr-samples.jsonl"), "{\"half\": ", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "images", "stale.png"), "x", Ct);

        var file = await BuiltInSuites.EnsureGeneratedAsync("ocr-samples", cache, fixture.Browser, Ct);

        var lines = await File.ReadAllLinesAsync(file, Ct);
        Assert.Equal(16, lines.Length);
        Assert.False(File.Exists(Path.Combine(folder, "images", "stale.png")));
        Assert.True(File.Exists(Path.Combine(folder, BuiltInSuites.CompleteMarker)));
        var skewed = JsonDocument.Parse(lines.Single(l => l.Contains("ocr-paragraph-skewed", StringComparison.Ordinal))).RootElement;
        var clean = JsonDocument.Parse(lines.Single(l => l.Contains("ocr-paragraph-clean", StringComparison.Ordinal))).RootElement;
        // Rotated 3 degrees, a line's axis-aligned box is taller than the upright one.
        Assert.True(Height(skewed) > Height(clean) + 10, $"{Height(skewed)} vs {Height(clean)}");
    }

    private static double Height(JsonElement sample)
    {
        var box = sample.GetProperty("lines")[0].GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return box[3] - box[1];
    }
}
