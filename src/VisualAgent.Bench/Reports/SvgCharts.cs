using System.Globalization;
using System.Net;
using System.Text;

namespace VisualAgent.Bench.Reports;

/// <summary>Inline SVG charts drawn in C# (no script, no network): bars with CI whiskers, grouped bars, box plots, a scatter.</summary>
internal static class SvgCharts
{
    private static readonly string[] Palette = ["#3b6fb6", "#d9822b", "#3a9d5d", "#b03a48", "#7b5ea7", "#5a8f9e", "#a0782c", "#666"];

    /// <summary>One bar per item (score 0..1) with its 95 % interval as a whisker; simulated bars hatched.</summary>
    public static string Bars(string title, IReadOnlyList<BarItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        const int Row = 28, Span = 460;
        var left = LabelColumn(items.Select(i => i.Label));
        var valueWidth = items.Select(i => TextWidth(i.Value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) + (i.Simulated ? " (simulated)" : "") : i.Note ?? "n/a")).DefaultIfEmpty(0).Max();
        var height = 40 + (items.Count * Row);
        var svg = Open(title, (int)Math.Ceiling(left + Span + 8 + valueWidth + 12), height);
        Axis01(svg, left, Span, 24, height - 16);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var y = 28 + (i * Row);
            Label(svg, left - 6, y + 14, item.Label, left - 12);
            if (item.Value is not { } v)
            {
                Text(svg, left + 4, y + 14, item.Note ?? "n/a", "start", "#888");
                continue;
            }

            var w = Scale(v, Span);
            svg.Append(Inv($"<rect x=\"{left}\" y=\"{y + 2}\" width=\"{w:0.#}\" height=\"18\" fill=\"{(item.Simulated ? "url(#sim)" : Palette[i % Palette.Length])}\" stroke=\"{Palette[i % Palette.Length]}\"><title>{Esc(item.Label)}: {v:0.000}</title></rect>"));
            if (item.Low is { } lo && item.High is { } hi)
            {
                var x1 = left + Scale(lo, Span);
                var x2 = left + Scale(hi, Span);
                svg.Append(Inv($"<path d=\"M{x1:0.#} {y + 11}H{x2:0.#}M{x1:0.#} {y + 5}V{y + 17}M{x2:0.#} {y + 5}V{y + 17}\" stroke=\"#222\" stroke-width=\"1.5\" fill=\"none\"/>"));
            }

            Text(svg, left + Math.Max(w, item.High is { } h ? Scale(h, Span) : 0) + 8, y + 14, v.ToString("0.000", CultureInfo.InvariantCulture) + (item.Simulated ? " (simulated)" : ""), "start");
        }

        return Close(svg);
    }

    /// <summary>Cells down the side, one bar per model in each cell.</summary>
    public static string GroupedBars(string title, IReadOnlyList<string> cells, IReadOnlyList<(string Model, bool Simulated, IReadOnlyDictionary<string, double> Scores)> series)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(series);
        const int Span = 460, Bar = 12;
        var left = LabelColumn(cells);
        var names = series.Select(s => s.Model + (s.Simulated ? " (simulated)" : "")).ToList();
        var block = Math.Max(18, (series.Count * Bar) + 10);
        var height = 50 + (cells.Count * block) + (series.Count * 16);
        var width = (int)Math.Ceiling(Math.Max(left + Span + 30, left + 16 + names.Select(n => TextWidth(n)).DefaultIfEmpty(0).Max() + 12));
        var svg = Open(title, width, height);
        Axis01(svg, left, Span, 24, 30 + (cells.Count * block));
        for (var c = 0; c < cells.Count; c++)
        {
            var y0 = 28 + (c * block);
            Label(svg, left - 6, y0 + (block / 2) + 2, cells[c], left - 12);
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Scores.TryGetValue(cells[c], out var v))
                {
                    svg.Append(Inv($"<rect x=\"{left}\" y=\"{y0 + (s * Bar)}\" width=\"{Scale(v, Span):0.#}\" height=\"{Bar - 2}\" fill=\"{Palette[s % Palette.Length]}\"><title>{Esc(series[s].Model)} / {Esc(cells[c])}: {v:0.000}</title></rect>"));
                }
            }
        }

        Legend(svg, left, names, 34 + (cells.Count * block));
        return Close(svg);
    }

    /// <summary>A box plot per model: whiskers p5..p95, box p25..p75, median line; log-free linear ms axis.</summary>
    public static string BoxPlots(string title, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        const int Span = 460, Row = 30;
        var left = LabelColumn(series.Select(s => s.Label));
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max());
        var height = 50 + (series.Count * Row);
        var lastTick = max.ToString("0", CultureInfo.InvariantCulture) + " ms";
        var svg = Open(title, (int)Math.Ceiling(left + Span + (TextWidth(lastTick) / 2) + 16), height);
        svg.Append(Inv($"<path d=\"M{left} {height - 20}H{left + Span}\" stroke=\"#999\"/>"));
        foreach (var t in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            Text(svg, left + (t * Span), height - 6, (t * max).ToString("0", CultureInfo.InvariantCulture) + (t == 1 ? " ms" : ""), "middle", "#666");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var (label, values) = series[i];
            var y = 24 + (i * Row);
            Label(svg, left - 6, y + 14, label, left - 12);
            if (values.Count == 0)
            {
                Text(svg, left + 4, y + 14, "no latencies", "start", "#888");
                continue;
            }

            double X(double p) => left + (Metrics.Percentiles.Of(values, p) / max * Span);
            var color = Palette[i % Palette.Length];
            svg.Append(Inv($"<path d=\"M{X(5):0.#} {y + 10}H{X(25):0.#}M{X(75):0.#} {y + 10}H{X(95):0.#}M{X(5):0.#} {y + 4}V{y + 16}M{X(95):0.#} {y + 4}V{y + 16}\" stroke=\"{color}\" fill=\"none\"/>"));
            svg.Append(Inv($"<rect x=\"{X(25):0.#}\" y=\"{y + 2}\" width=\"{Math.Max(1, X(75) - X(25)):0.#}\" height=\"16\" fill=\"{color}\" fill-opacity=\"0.35\" stroke=\"{color}\"/>"));
            svg.Append(Inv($"<path d=\"M{X(50):0.#} {y + 2}V{y + 18}\" stroke=\"#111\" stroke-width=\"2\"><title>p50 {Metrics.Percentiles.Of(values, 50):0.0} ms, p95 {Metrics.Percentiles.Of(values, 95):0.0} ms</title></path>"));
        }

        return Close(svg);
    }

    /// <summary>Score (y, 0..1) against median latency (x, ms), one labelled point per model.</summary>
    public static string Scatter(string title, IReadOnlyList<(string Label, double Score, double LatencyMs)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        const int Left = 60, Top = 30, W = 460, H = 260, LineHeight = 15;
        var max = Math.Max(1, points.Select(p => p.LatencyMs).DefaultIfEmpty(1).Max() * 1.1);
        var labelWidth = points.Select(p => TextWidth(p.Label)).DefaultIfEmpty(0).Max();
        var width = (int)Math.Ceiling(Left + W + 12 + labelWidth + 12);
        var placed = new List<(double X1, double Y1, double X2, double Y2)>();
        var labels = new List<(double X, double Y, string Anchor, string Text)>();
        var svg = Open(title, width, H + Top + 50);
        svg.Append(Inv($"<path d=\"M{Left} {Top}V{Top + H}H{Left + W}\" stroke=\"#999\" fill=\"none\"/>"));
        foreach (var t in new[] { 0, 0.5, 1 })
        {
            Text(svg, Left - 6, Top + H - (t * H) + 4, t.ToString("0.0", CultureInfo.InvariantCulture), "end", "#666");
            Text(svg, Left + (t * W), Top + H + 16, (t * max).ToString("0", CultureInfo.InvariantCulture), "middle", "#666");
        }

        Text(svg, Left + (W / 2), Top + H + 34, "median latency (ms)", "middle", "#444");
        for (var i = 0; i < points.Count; i++)
        {
            var (label, score, ms) = points[i];
            var x = Left + (ms / max * W);
            var y = Top + H - (Math.Clamp(score, 0, 1) * H);
            svg.Append(Inv($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"6\" fill=\"{Palette[i % Palette.Length]}\"><title>{Esc(label)}: {score:0.000} at {ms:0.0} ms</title></circle>"));

            // Right of the point; moved down (then up) past labels already placed so that none overlaps another.
            var w = TextWidth(label);
            var ly = y + 4;
            for (var step = 1; Overlaps(placed, x + 9, ly - 11, x + 9 + w, ly + 3) && step < 40; step++)
            {
                ly = y + 4 + ((step % 2 == 1 ? 1 : -1) * ((step + 1) / 2) * LineHeight);
            }

            ly = Math.Clamp(ly, 14, Top + H + 20);
            placed.Add((x + 9, ly - 11, x + 9 + w, ly + 3));
            labels.Add((x + 9, ly, "start", label));
        }

        foreach (var (x, y, anchor, text) in labels)
        {
            Text(svg, x, y, text, anchor);
        }

        return Close(svg);
    }

    private static bool Overlaps(List<(double X1, double Y1, double X2, double Y2)> placed, double x1, double y1, double x2, double y2) =>
        placed.Any(p => x1 < p.X2 && p.X1 < x2 && y1 < p.Y2 && p.Y1 < y2);

    /// <summary>
    /// Width in pixels of <paramref name="text"/> in the charts' 12 px sans-serif, measured per character from typical
    /// sans-serif advance widths and rounded up, so that a layout made with it never clips the real text.
    /// </summary>
    public static double TextWidth(string text, double fontSize = 12)
    {
        ArgumentNullException.ThrowIfNull(text);
        double em = 0;
        foreach (var c in text)
        {
            em += c switch
            {
                'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or 'I' => 0.30,
                ' ' or 'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '-' or '/' => 0.38,
                'm' or 'w' or 'M' or 'W' or '%' or '@' => 0.92,
                >= 'A' and <= 'Z' => 0.72,
                >= '0' and <= '9' => 0.58,
                >= 'a' and <= 'z' => 0.58,
                _ => 0.75,
            };
        }

        return Math.Ceiling(em * fontSize * 1.08);
    }

    /// <summary>The width of the label column: the widest label, bounded to 60..320 px (longer ones are cut with an ellipsis).</summary>
    private static int LabelColumn(IEnumerable<string> labels) =>
        (int)Math.Clamp(labels.Select(l => TextWidth(l)).DefaultIfEmpty(0).Max() + 18, 60, 320);

    /// <summary>A right-aligned label at most <paramref name="maxWidth"/> wide: cut with an ellipsis when longer, the whole text in its tooltip.</summary>
    private static void Label(StringBuilder svg, double x, double y, string text, double maxWidth)
    {
        if (TextWidth(text) <= maxWidth)
        {
            Text(svg, x, y, text, "end");
            return;
        }

        var shown = text;
        while (shown.Length > 1 && TextWidth(shown + "\u2026") > maxWidth)
        {
            shown = shown[..^1];
        }

        svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"end\" fill=\"#222\"><title>{Esc(text)}</title>{Esc(shown.TrimEnd() + "\u2026")}</text>"));
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder().Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">"))
            .Append("<defs><pattern id=\"sim\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e6e6e6\"/><path d=\"M0 0V6\" stroke=\"#999\" stroke-width=\"3\"/></pattern></defs>")
            .Append("<title>").Append(Esc(title)).Append("</title>");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Axis01(StringBuilder svg, int left, int span, int top, int bottom)
    {
        foreach (var t in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            var x = left + (t * span);
            svg.Append(Inv($"<path d=\"M{x:0.#} {top}V{bottom}\" stroke=\"#eee\"/>"));
            Text(svg, x, top - 6, t.ToString("0.00", CultureInfo.InvariantCulture), "middle", "#666");
        }
    }

    private static void Legend(StringBuilder svg, int left, IReadOnlyList<string> names, int top)
    {
        for (var i = 0; i < names.Count; i++)
        {
            svg.Append(Inv($"<rect x=\"{left}\" y=\"{top + (i * 16)}\" width=\"10\" height=\"10\" fill=\"{Palette[i % Palette.Length]}\"/>"));
            Text(svg, left + 16, top + (i * 16) + 9, names[i], "start");
        }
    }

    private static double Scale(double v, int span) => Math.Clamp(v, 0, 1) * span;

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, string color = "#222") =>
        svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" fill=\"{color}\">{Esc(text)}</text>"));

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One bar: a label, its score (null = not scored, with a note), its interval, whether it is simulated.</summary>
internal sealed record BarItem(string Label, double? Value, double? Low = null, double? High = null, bool Simulated = false, string? Note = null);
