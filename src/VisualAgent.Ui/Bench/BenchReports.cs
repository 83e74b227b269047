using System.Globalization;
using System.Text.Json;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Bench;

/// <summary>
/// Finished bench outputs under the bench folder (any folder holding a summary.json, up to four levels down), read as
/// `bench run` wrote them, and two of them side by side.
/// </summary>
internal static class BenchReports
{
    public sealed record ModelScore(string Model, double? Score, double[]? Ci95, int N, string Status, bool Simulated);

    public sealed record Report(string Id, string Suite, string Kind, string Metric, DateTimeOffset Created, bool HasHtml, IReadOnlyList<ModelScore> Models);

    public static string Relative(string root, string folder) => Path.GetRelativePath(root, folder).Replace('\\', '/');

    public static IReadOnlyList<Report> List(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var reports = new List<Report>();
        foreach (var summary in Directory.EnumerateFiles(root, "summary.json", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4 }))
        {
            if (TryRead(root, Path.GetDirectoryName(summary)!) is { } report)
            {
                reports.Add(report);
            }
        }

        return [.. reports.OrderByDescending(r => r.Created)];
    }

    /// <summary>The folder of report <paramref name="id"/> (a path relative to the bench folder), never outside it.</summary>
    public static string Folder(string root, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw ApiError.BadRequest("Say which bench output (its folder under the bench folder).");
        }

        var full = Path.GetFullPath(Path.Combine(root, id));
        var rootFull = Path.GetFullPath(root);
        if (!full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(Path.Combine(full, "summary.json")))
        {
            throw ApiError.NotFound($"There is no finished bench output '{id}' under {rootFull} (no summary.json there).");
        }

        return full;
    }

    public static Report Read(string root, string id) =>
        TryRead(root, Folder(root, id)) ?? throw ApiError.BadRequest($"The summary.json of '{id}' cannot be read: is it a bench output of this version?");

    /// <summary>
    /// Each model of both outputs: its score in A and in B with their 95 % intervals, and B - A with an approximate 95 %
    /// interval (the two bootstrap intervals taken as independent: half-widths added in quadrature).
    /// </summary>
    public static object Compare(string root, string a, string b)
    {
        var left = Read(root, a);
        var right = Read(root, b);
        if (!string.Equals(left.Suite, right.Suite, StringComparison.Ordinal) || !string.Equals(left.Metric, right.Metric, StringComparison.Ordinal))
        {
            throw ApiError.BadRequest($"These outputs are not comparable: {a} is {left.Suite} ({left.Metric}), {b} is {right.Suite} ({right.Metric}). Compare two outputs of the same suite.");
        }

        var names = left.Models.Select(m => m.Model).Union(right.Models.Select(m => m.Model), StringComparer.OrdinalIgnoreCase).ToList();
        var rows = names.Select(name =>
        {
            var x = left.Models.FirstOrDefault(m => string.Equals(m.Model, name, StringComparison.OrdinalIgnoreCase));
            var y = right.Models.FirstOrDefault(m => string.Equals(m.Model, name, StringComparison.OrdinalIgnoreCase));
            double? delta = x?.Score is { } sx && y?.Score is { } sy ? sy - sx : null;
            double? half = delta is not null && x!.Ci95 is [var xl, var xh] && y!.Ci95 is [var yl, var yh]
                ? Math.Sqrt(Math.Pow((xh - xl) / 2, 2) + Math.Pow((yh - yl) / 2, 2))
                : null;
            return new
            {
                model = name,
                a = x,
                b = y,
                delta,
                delta_ci95 = delta is { } d && half is { } h ? new[] { d - h, d + h } : null,
                note = x is null ? "only in B" : y is null ? "only in A" : delta is null ? "not scored in both" : null,
            };
        }).ToList();
        return new
        {
            suite = left.Suite,
            metric = left.Metric,
            a = left,
            b = right,
            rows,
            interval_rule = "B - A with an approximate 95 % interval: the two bootstrap intervals taken as independent (half-widths added in quadrature); samples may differ between the runs",
        };
    }

    private static Report? TryRead(string root, string folder)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
            var r = doc.RootElement;
            var models = r.GetProperty("models").EnumerateArray().Select(m => new ModelScore(
                m.GetProperty("model").GetString() ?? "",
                m.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null,
                m.TryGetProperty("ci95", out var ci) && ci.ValueKind == JsonValueKind.Array ? [.. ci.EnumerateArray().Select(v => v.GetDouble())] : null,
                m.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0,
                m.TryGetProperty("status", out var st) ? st.GetString() ?? "" : "",
                m.TryGetProperty("simulated", out var sim) && sim.ValueKind == JsonValueKind.True)).ToList();
            var created = r.TryGetProperty("created_at", out var c) && c.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(c.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : File.GetLastWriteTimeUtc(Path.Combine(folder, "summary.json"));
            return new Report(Relative(root, folder), r.GetProperty("suite").GetString() ?? "", r.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "",
                r.TryGetProperty("metric", out var me) ? me.GetString() ?? "" : "", created, File.Exists(Path.Combine(folder, "report.html")), models);
        }
        catch (Exception ex) when (ex is JsonException or IOException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // a summary of another shape, or one being written: not listed
        }
    }
}
