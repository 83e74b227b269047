using System.Globalization;
using System.Text;
using System.Text.Json;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Suites;

/// <summary>
/// Reads a ScreenSpot-style JSON array: img_filename, instruction, bbox ([x1, y1, x2, y2] when img_size is present,
/// else [x, y, w, h]); platform, ui_type, data_type, group and application are group fields.
/// </summary>
internal static class GroundingSuiteReader
{
    private static readonly string[] GroupFields = ["platform", "ui_type", "data_type", "group", "application"];

    public static LoadedSuite Read(string name, string path, string text, ImageCatalog images, bool? corners)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var newlines = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                newlines.Add(i);
            }
        }

        var samples = new List<BenchSample>();
        var issues = new List<SuiteIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var index = 0;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                index++;
                var line = LineOf(newlines, reader.TokenStartIndex);
                using var element = JsonDocument.ParseValue(ref reader);
                if (element.RootElement.ValueKind != JsonValueKind.Object)
                {
                    issues.Add(new SuiteIssue(line, null, "entry is not a JSON object"));
                    continue;
                }

                var (sample, problem) = Entry(element.RootElement, index, line, images, corners);
                if (sample is null)
                {
                    issues.Add(new SuiteIssue(line, JsonFields.String(element.RootElement, "id"), problem!));
                }
                else if (!seen.Add(sample.Id))
                {
                    issues.Add(new SuiteIssue(line, sample.Id, $"duplicate id '{sample.Id}' (the first one is used)"));
                }
                else
                {
                    samples.Add(sample);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new UsageException($"'{path}' is not valid JSON near line {(ex.LineNumber ?? 0) + 1}: {ex.Message} A grounding suite is a JSON array of {{img_filename, instruction, bbox, ...}}.");
        }

        return new LoadedSuite(name, SuiteKind.Grounding, path, samples, issues);
    }

    private static (BenchSample? Sample, string? Problem) Entry(JsonElement e, int index, int line, ImageCatalog images, bool? corners)
    {
        var file = JsonFields.String(e, "img_filename");
        var instruction = JsonFields.String(e, "instruction");
        var bbox = JsonFields.Numbers(e, "bbox");
        if (file is null || string.IsNullOrWhiteSpace(instruction) || bbox is not { Length: 4 })
        {
            return (null, "needs img_filename, instruction and bbox (4 numbers)");
        }

        var imgSize = JsonFields.Numbers(e, "img_size");
        var xyxy = corners ?? imgSize is not null;
        var box = xyxy ? ScreenBox.FromCorners(bbox[0], bbox[1], bbox[2], bbox[3]) : ScreenBox.FromXywh(bbox[0], bbox[1], bbox[2], bbox[3]);
        var imagePath = images.Resolve(file);
        if (images.SizeOf(imagePath, out var problem) is not { } size)
        {
            return (null, problem);
        }

        if (ImageCatalog.BoxProblem(box, size) is { } boxProblem)
        {
            return (null, boxProblem + (corners is null && !xyxy ? " (read as [x, y, w, h] since img_size is absent; --bbox-format overrides)" : ""));
        }

        var id = JsonFields.String(e, "id") ?? index.ToString("D4", CultureInfo.InvariantCulture);
        return (new BenchSample
        {
            Id = id,
            Kind = SuiteKind.Grounding,
            Line = line,
            Images = [imagePath],
            ImageSize = size,
            Prompt = instruction.Trim(),
            Box = box,
            Groups = JsonFields.Groups(e, new HashSet<string>(), GroupFields),
        }, null);
    }

    private static int LineOf(List<int> newlines, long offset)
    {
        var i = newlines.BinarySearch((int)offset);
        return (i < 0 ? ~i : i) + 1;
    }
}
