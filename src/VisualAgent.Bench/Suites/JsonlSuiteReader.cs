using System.Text.Json;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Suites;

/// <summary>
/// Reads the JSONL suites: OCR {"image", "text", "lines"?}, VQA {"image" | "images", "question", "answers"},
/// caption {"image", "references"}, refexp {"image", "expression", "bbox": [x1, y1, x2, y2]}. Image paths are
/// relative to the images folder. A suite whose entries have several images is multi-image.
/// </summary>
internal static class JsonlSuiteReader
{
    private static readonly HashSet<string> Known =
        ["id", "image", "images", "text", "lines", "question", "answers", "references", "expression", "bbox", "img_size"];

    public static LoadedSuite Read(string name, string path, string text, ImageCatalog images)
    {
        var samples = new List<BenchSample>();
        var issues = new List<SuiteIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        SuiteKind? kind = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(raw);
            }
            catch (JsonException ex)
            {
                issues.Add(new SuiteIssue(number, null, $"malformed JSON: {ex.Message}"));
                continue;
            }

            using (doc)
            {
                var e = doc.RootElement;
                if (e.ValueKind != JsonValueKind.Object)
                {
                    issues.Add(new SuiteIssue(number, null, "the line is not a JSON object"));
                    continue;
                }

                kind ??= Detect(e);
                if (kind is null)
                {
                    issues.Add(new SuiteIssue(number, null, "no known suite keys (expression, references, question, text)"));
                    continue;
                }

                var (sample, problem) = Entry(e, kind.Value, number, images);
                if (sample is null)
                {
                    issues.Add(new SuiteIssue(number, JsonFields.String(e, "id"), problem!));
                }
                else if (!seen.Add(sample.Id))
                {
                    issues.Add(new SuiteIssue(number, sample.Id, $"duplicate id '{sample.Id}' (the first one is used)"));
                }
                else
                {
                    samples.Add(sample);
                }
            }
        }

        if (kind is null)
        {
            throw new UsageException($"'{path}' is not a suite: no line holds the keys of a known kind (ocr: image, text; vqa: image or images, question, answers; caption: image, references; refexp: image, expression, bbox).");
        }

        if (kind == SuiteKind.Vqa && samples.Any(s => s.Images.Count > 1))
        {
            kind = SuiteKind.MultiImage;
            samples = [.. samples.Select(s => s with { Kind = SuiteKind.MultiImage })];
        }

        return new LoadedSuite(name, kind.Value, path, samples, issues);
    }

    private static SuiteKind? Detect(JsonElement e) =>
        e.TryGetProperty("expression", out _) ? SuiteKind.Refexp
        : e.TryGetProperty("references", out _) ? SuiteKind.Caption
        : e.TryGetProperty("question", out _) ? SuiteKind.Vqa
        : e.TryGetProperty("text", out _) ? SuiteKind.Ocr
        : null;

    private static (BenchSample? Sample, string? Problem) Entry(JsonElement e, SuiteKind kind, int line, ImageCatalog images)
    {
        var files = JsonFields.Strings(e, "images") ?? (JsonFields.String(e, "image") is { } one ? [one] : null);
        if (files is not { Count: > 0 })
        {
            return (null, "needs \"image\" (or \"images\": [...])");
        }

        var paths = new List<string>();
        PixelSize size = default;
        foreach (var file in files)
        {
            var full = images.Resolve(file);
            if (images.SizeOf(full, out var problem) is not { } s)
            {
                return (null, problem);
            }

            paths.Add(full);
            size = s;
        }

        var sample = new BenchSample
        {
            Id = JsonFields.String(e, "id") ?? $"L{line}",
            Kind = kind,
            Line = line,
            Images = paths,
            ImageSize = size,
            Groups = JsonFields.Groups(e, Known),
        };
        return kind switch
        {
            SuiteKind.Refexp => Refexp(e, sample),
            SuiteKind.Caption => JsonFields.Strings(e, "references") is { Count: > 0 } refs
                ? (sample with { Answers = refs }, null) : (null, "needs \"references\": [strings]"),
            SuiteKind.Vqa => JsonFields.String(e, "question") is { Length: > 0 } q && JsonFields.Strings(e, "answers") is { Count: > 0 } answers
                ? (sample with { Prompt = q, Answers = answers }, null) : (null, "needs \"question\" and \"answers\": [strings]"),
            _ => Ocr(e, sample),
        };
    }

    private static (BenchSample?, string?) Refexp(JsonElement e, BenchSample sample)
    {
        if (JsonFields.String(e, "expression") is not { Length: > 0 } expression || JsonFields.Numbers(e, "bbox") is not { Length: 4 } b)
        {
            return (null, "needs \"expression\" and \"bbox\": [x1, y1, x2, y2]");
        }

        var box = ScreenBox.FromCorners(b[0], b[1], b[2], b[3]);
        return ImageCatalog.BoxProblem(box, sample.ImageSize) is { } problem
            ? (null, problem)
            : (sample with { Prompt = expression, Box = box }, null);
    }

    private static (BenchSample?, string?) Ocr(JsonElement e, BenchSample sample)
    {
        if (JsonFields.String(e, "text") is not { } text)
        {
            return (null, "needs \"text\"");
        }

        var lines = new List<TruthLine>();
        if (e.TryGetProperty("lines", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var l in array.EnumerateArray())
            {
                if (l.ValueKind != JsonValueKind.Object || JsonFields.String(l, "text") is not { } lineText)
                {
                    return (null, "every entry of \"lines\" needs \"text\"");
                }

                var b = JsonFields.Numbers(l, "bbox");
                lines.Add(new TruthLine(lineText, b is { Length: 4 } ? ScreenBox.FromCorners(b[0], b[1], b[2], b[3]) : null));
            }
        }

        return (sample with { Answers = [text], Lines = lines }, null);
    }
}
