using System.Globalization;
using System.Text.Json;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Scoring;

/// <summary>
/// Reads `bench score` prediction lines: {"id", "gt_bbox": [x1, y1, x2, y2], "pred_point": [x, y]} or "pred_bbox", or
/// "raw" + "dialect" + "image_width"/"image_height" (+ "min_pixels"/"max_pixels") parsed by the dialects.
/// Malformed lines and duplicate ids are skipped and reported with their line numbers.
/// </summary>
public sealed class PredictionReader(IReplyPointParser? replyParser)
{
    private static readonly HashSet<string> KnownFields =
        ["id", "gt_bbox", "pred_point", "pred_bbox", "raw", "dialect", "image_width", "image_height", "min_pixels", "max_pixels"];

    public (IReadOnlyList<PredictionLine> Lines, IReadOnlyList<SkippedLine> Skipped) Read(TextReader reader)
    {
        var lines = new List<PredictionLine>();
        var skipped = new List<SkippedLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var line = ReadLine(doc.RootElement, number);
                if (!seen.Add(line.Id))
                {
                    skipped.Add(new SkippedLine(number, $"duplicate id '{line.Id}' (the first one is scored)"));
                    continue;
                }

                lines.Add(line);
            }
            catch (JsonException ex)
            {
                skipped.Add(new SkippedLine(number, $"not valid JSON: {ex.Message}"));
            }
            catch (FormatException ex)
            {
                skipped.Add(new SkippedLine(number, ex.Message));
            }
        }

        return (lines, skipped);
    }

    private PredictionLine ReadLine(JsonElement root, int number)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a line must be a JSON object");
        }

        var id = root.TryGetProperty("id", out var idElement) ? Scalar(idElement) : number.ToString(CultureInfo.InvariantCulture);
        if (!root.TryGetProperty("gt_bbox", out var gt) || Numbers(gt, 4) is not { } g)
        {
            throw new FormatException("'gt_bbox' must be [x1, y1, x2, y2]");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
            {
                fields[property.Name] = Scalar(property.Value);
            }
        }

        var line = new PredictionLine { Id = id, LineNumber = number, Truth = ScreenBox.FromCorners(g[0], g[1], g[2], g[3]), Fields = fields };
        return Predict(root, line);
    }

    private PredictionLine Predict(JsonElement root, PredictionLine line)
    {
        if (root.TryGetProperty("pred_point", out var point))
        {
            return Numbers(point, 2) is { } p
                ? line with { Point = new ScreenPoint(p[0], p[1]) }
                : line with { FormatError = "'pred_point' is not [x, y]" };
        }

        if (root.TryGetProperty("pred_bbox", out var box))
        {
            if (Numbers(box, 4) is not { } b)
            {
                return line with { FormatError = "'pred_bbox' is not [x1, y1, x2, y2]" };
            }

            var predicted = ScreenBox.FromCorners(b[0], b[1], b[2], b[3]);
            return line with { Point = predicted.Center, PredictedBox = predicted };
        }

        if (root.TryGetProperty("raw", out var raw))
        {
            return ParseRaw(root, raw, line);
        }

        return line with { FormatError = "no prediction: give pred_point, pred_bbox, or raw + dialect + image_width/image_height" };
    }

    private PredictionLine ParseRaw(JsonElement root, JsonElement raw, PredictionLine line)
    {
        if (raw.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("dialect", out var dialect) || dialect.ValueKind != JsonValueKind.String
            || !TryInt(root, "image_width", out var w) || !TryInt(root, "image_height", out var h) || w <= 0 || h <= 0)
        {
            return line with { FormatError = "'raw' needs 'dialect' and positive integer 'image_width'/'image_height'" };
        }

        if (replyParser is null)
        {
            return line with { FormatError = "raw replies cannot be parsed here (no dialects loaded)" };
        }

        long? min = TryInt(root, "min_pixels", out var mn) ? mn : null;
        long? max = TryInt(root, "max_pixels", out var mx) ? mx : null;
        try
        {
            var (p, b) = replyParser.Parse(dialect.GetString()!, raw.GetString()!, new PixelSize(w, h), min, max);
            return line with { Point = p, PredictedBox = b };
        }
        catch (VisualAgentException ex)
        {
            return line with { FormatError = ex.Message };
        }
    }

    private static bool TryInt(JsonElement root, string name, out int value)
    {
        value = 0;
        return root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }

    private static double[]? Numbers(JsonElement element, int count)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != count)
        {
            return null;
        }

        var values = new double[count];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var v) || !double.IsFinite(v))
            {
                return null;
            }

            values[i++] = v;
        }

        return values;
    }

    private static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Null => "",
        _ => e.GetRawText(),
    };
}
