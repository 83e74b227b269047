using VisualAgent.Geometry;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Grounding;

/// <summary>Finds a phrase in OCR lines: every run of consecutive words is scored against the target (fuzzy,
/// normalised); overlapping hits keep the best.</summary>
internal static class TextMatcher
{
    public static List<TextMatch> Find(OcrResult ocr, string target, string source)
    {
        var wanted = TextSimilarity.Normalize(target);
        var targetWords = Math.Max(1, target.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var hits = new List<TextMatch>();
        if (wanted.Length == 0)
        {
            return hits;
        }

        foreach (var words in Rows(ocr.Lines))
        {
            for (var i = 0; i < words.Count; i++)
            {
                TextMatch? best = null;
                var joined = "";
                for (var n = 1; n <= Math.Min(words.Count - i, targetWords + 2); n++)
                {
                    joined += TextSimilarity.Normalize(words[i + n - 1].Text);
                    var similarity = TextSimilarity.ScoreNormalized(joined, wanted);
                    var run = words.Skip(i).Take(n).ToList();
                    var confidence = run.Average(w => w.Confidence);
                    var score = similarity * (0.85 + (0.15 * Math.Clamp(confidence, 0, 100) / 100));
                    if (best is null || score > best.Score)
                    {
                        best = new TextMatch(string.Join(' ', run.Select(w => w.Text)), Union(run.Select(w => w.Box)), score, source)
                        {
                            Similarity = similarity,
                            Whole = StandsApart(words, i, n),
                            LineWords = words.Count(HasText),
                            EntireLine = words.Take(i).All(w => !HasText(w)) && words.Skip(i + n).All(w => !HasText(w)),
                        };
                    }
                }

                if (best is not null && best.Score > 0)
                {
                    hits.Add(best);
                }
            }
        }

        return Suppress(hits);
    }

    // The OCR lines, and beside them each run of lines that continue one another on the same row (sparse reading
    // splits a label where a glyph was not read: "Do all parking faci" + "ies have the same rules?").
    private static IEnumerable<IReadOnlyList<OcrWord>> Rows(IReadOnlyList<OcrLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            yield return lines[i].Words;
            var joined = lines[i].Words.ToList();
            var last = lines[i].Box;
            for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
            {
                var next = lines[j].Box;
                var overlap = Math.Min(last.Y2, next.Y2) - Math.Max(last.Y1, next.Y1);
                var gap = next.X1 - last.X2;
                if (overlap < 0.6 * Math.Min(last.Height, next.Height) || gap < 0 || gap > 3 * Math.Max(last.Height, next.Height))
                {
                    break;
                }

                joined.AddRange(lines[j].Words);
                last = next;
                yield return joined.ToList();
            }
        }
    }

    private static bool HasText(OcrWord word) => TextSimilarity.Normalize(word.Text).Length > 0;

    // A run stands apart when no word of its line is within about a word gap on either side: a button or link label,
    // a table cell, a heading; not words inside a sentence. (Sparse OCR joins a whole table row into one line.)
    private static bool StandsApart(IReadOnlyList<OcrWord> words, int start, int count)
    {
        var first = words[start].Box;
        var last = words[start + count - 1].Box;
        var gap = Math.Max(8, 0.8 * Math.Max(first.Height, last.Height));
        var left = words.Take(start).LastOrDefault(HasText);
        var right = words.Skip(start + count).FirstOrDefault(HasText);
        return (left is null || first.X1 - left.Box.X2 > gap) && (right is null || right.Box.X1 - last.X2 > gap);
    }

    public static ScreenBox Union(IEnumerable<ScreenBox> boxes) =>
        boxes.Aggregate((a, b) => new ScreenBox(Math.Min(a.X1, b.X1), Math.Min(a.Y1, b.Y1), Math.Max(a.X2, b.X2), Math.Max(a.Y2, b.Y2)));

    /// <summary>Keeps the best of hits that overlap.</summary>
    public static List<TextMatch> Suppress(IEnumerable<TextMatch> hits)
    {
        var kept = new List<TextMatch>();
        foreach (var h in hits.OrderByDescending(h => h.Score))
        {
            if (!kept.Any(k => Overlaps(k.Box, h.Box)))
            {
                kept.Add(h);
            }
        }

        return kept;
    }

    private static bool Overlaps(ScreenBox a, ScreenBox b)
    {
        var ix = Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1);
        var iy = Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1);
        return ix > 0 && iy > 0 && ix * iy > 0.3 * Math.Min(a.Area, b.Area);
    }
}
