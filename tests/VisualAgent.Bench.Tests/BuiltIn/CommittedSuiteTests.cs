using System.Buffers.Binary;
using System.Text.Json;
using VisualAgent.Bench.BuiltIn;
using VisualAgent.Bench.Metrics;

namespace VisualAgent.Tests.BuiltIn;

/// <summary>The committed copies under samples/bench/: they parse, every image is there and every box lies inside it. No browser.</summary>
public sealed class CommittedSuiteTests
{
    public static TheoryData<string> Ids => [.. BuiltInSuites.Ids];

    [Theory]
    [MemberData(nameof(Ids))]
    public void FindCommitted_EverySuite_ParsesWithImagesAndBoxesInside(string id)
    {
        var file = BuiltInSuites.FindCommitted(id);
        Assert.NotNull(file);
        var folder = Path.GetDirectoryName(file)!;
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
        Assert.InRange(lines.Count, 10, 30);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            Assert.True(ids.Add(e.GetProperty("id").GetString()!), $"duplicate id in {line}");
            var images = e.TryGetProperty("images", out var many)
                ? many.EnumerateArray().Select(i => i.GetString()!).ToList()
                : [e.GetProperty("image").GetString()!];
            var (width, height) = PngSize(Path.Combine(folder, images[^1]));
            foreach (var image in images)
            {
                Assert.False(Path.IsPathRooted(image), image);
                Assert.True(File.Exists(Path.Combine(folder, image)), $"{image} is missing");
            }

            foreach (var box in Boxes(e))
            {
                Assert.True(box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height && box[2] - box[0] >= 2 && box[3] - box[1] >= 2,
                    $"{string.Join(", ", box)} is not inside {width}x{height} in {line}");
            }

            CheckKind(id, e);
        }
    }

    [Fact]
    public void CommittedCopies_AllTogether_StayUnderThreeMegabytes()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(BuiltInSuites.FindCommitted(BuiltInSuites.Ids[0]))!)!;
        var bytes = BuiltInSuites.Ids.Sum(id => new DirectoryInfo(Path.Combine(root, id)).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length));

        Assert.InRange(bytes, 1, 3 * 1024 * 1024);
    }

    [Fact]
    public async Task EnsureAsync_CommittedCopyPresent_ReturnsItWithoutABrowser()
    {
        var cache = Path.Combine(Path.GetTempPath(), "va-builtin-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var id in BuiltInSuites.Ids)
        {
            Assert.Equal(BuiltInSuites.FindCommitted(id), await BuiltInSuites.EnsureAsync(id, cache, null, TestContext.Current.CancellationToken));
        }

        Assert.False(Directory.Exists(cache));
    }

    [Fact]
    public async Task EnsureAsync_UnknownId_ThrowsUsageNamingTheIds()
    {
        var ex = await Assert.ThrowsAsync<VisualAgent.Errors.UsageException>(() => BuiltInSuites.EnsureAsync("grounding-samples", Path.GetTempPath(), null, TestContext.Current.CancellationToken));
        Assert.Contains("ocr-samples", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OcrSuite_Variants_EachDocumentHasAllFour()
    {
        var lines = File.ReadAllLines(BuiltInSuites.FindCommitted("ocr-samples")!).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var variants = lines.GroupBy(l => l.GetProperty("document").GetString()).Select(g => string.Join(",", g.Select(l => l.GetProperty("variant").GetString()).Order(StringComparer.Ordinal)));

        Assert.All(variants, v => Assert.Equal("blurred,clean,low-contrast,skewed", v));
    }

    [Fact]
    public void VqaSuite_EveryQuestion_HasAnAnswerScoringOneAgainstItsOwnAnswers()
    {
        foreach (var line in File.ReadAllLines(BuiltInSuites.FindCommitted("vqa-samples")!))
        {
            var answers = JsonDocument.Parse(line).RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetString()!).ToList();
            var top = answers.GroupBy(VqaMetrics.Normalize).MaxBy(g => g.Count())!.Key;
            Assert.Equal(1.0, VqaMetrics.SoftAccuracy(top, answers), 9);
        }
    }

    private static void CheckKind(string id, JsonElement e)
    {
        switch (id)
        {
            case "refexp-samples":
                Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("expression").GetString()));
                break;
            case "ocr-samples":
                var text = e.GetProperty("text").GetString()!;
                var joined = string.Join('\n', e.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()));
                Assert.Equal(text, joined);
                Assert.Contains(e.GetProperty("variant").GetString(), new[] { "clean", "low-contrast", "blurred", "skewed" });
                break;
            case "caption-samples":
                Assert.True(e.GetProperty("references").GetArrayLength() >= 3);
                break;
            default:
                Assert.Equal(10, e.GetProperty("answers").GetArrayLength());
                Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("question").GetString()));
                Assert.Equal(id == "multi-image-samples", e.TryGetProperty("images", out _));
                break;
        }
    }

    private static IEnumerable<double[]> Boxes(JsonElement e)
    {
        if (e.TryGetProperty("bbox", out var box))
        {
            yield return [.. box.EnumerateArray().Select(v => v.GetDouble())];
        }

        if (e.TryGetProperty("lines", out var lines))
        {
            foreach (var line in lines.EnumerateArray())
            {
                yield return [.. line.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble())];
            }
        }
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var header = new byte[24];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(header);
        }

        Assert.Equal(0x89, header[0]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
