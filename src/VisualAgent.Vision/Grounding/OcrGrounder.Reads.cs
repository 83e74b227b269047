using VisualAgent.Geometry;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Grounding;

public sealed partial class OcrGrounder
{
    // Lines read together before looking whether the target was found: two per OCR engine of the default pool.
    private const int LineBatch = 4;

    private async Task<IEnumerable<TextMatch>> ReadControlsAsync(Screen screen, string target, CancellationToken cancellationToken)
    {
        // Controls whose label the full-page read did not see (white on colour) go first, then those where it read
        // something like the target (to confirm every instance for an ordinal): the budget is for them.
        var wanted = TextSimilarity.Normalize(target);
        var unread = screen.Controls
            .Select(c => (Control: c, Words: screen.Page.Words.Where(w => TextSimilarity.Normalize(w.Text).Length > 0 && c.Contains(w.Box.Center)).ToList()))
            .OrderBy(x => x.Words.Count == 0 ? 0
                : x.Words.Any(w => TextSimilarity.ScoreNormalized(TextSimilarity.Normalize(w.Text), wanted) >= 0.5) ? 1
                : 2)
            .Select(x => x.Control)
            .Take(_options.MaxControlReads);
        var reads = unread.Select(async control =>
        {
            var inner = control.Height > 16 && control.Width > 16 ? control.Inflate(-3) : control;
            var text = await ocr.RecognizeAsync(screen.Image, OcrRequest.SingleLine(inner), cancellationToken).ConfigureAwait(false);
            var best = TextMatcher.Find(text, target, "re-reading the control").MaxBy(m => m.Score);
            // Text that does not fill the control the way a label does (a row, a panel read whole) is weaker evidence
            // than the page read at the same place.
            return best is null ? null
                : Holds(control, best.TextBox) ? best with { Control = control, Whole = true }
                : best with { Score = best.Score * 0.97, Source = "re-reading a region" };
        }).ToList();
        var bands = DarkBandDetector.Detect(screen.Image).Select(async band =>
        {
            var request = new OcrRequest { Region = band, PageSegMode = 11, Scale = 2, NormalizePolarity = true };
            var text = await ocr.RecognizeAsync(screen.Image, request, cancellationToken).ConfigureAwait(false);
            return TextMatcher.Find(text, target, "reading a dark band").MaxBy(m => m.Score);
        });
        var found = await Task.WhenAll(reads.Concat(bands)).ConfigureAwait(false);
        return found.OfType<TextMatch>();
    }

    // Lines of text the full-page read missed (small UI text, dark on grey, light on colour or a gradient), read one
    // by one, upscaled and with their polarity normalised; the lines as wide as the target would be go first, a few at
    // a time, until one reads exactly (every line when all instances count: an ordinal or a position).
    private async Task<IEnumerable<TextMatch>> ReadTextLinesAsync(Screen screen, TargetQuery query, CancellationToken cancellationToken)
    {
        var chars = Math.Max(1, query.Text.Length);
        var lines = TextLineFinder.Unread(screen.Image, screen.Page, screen.Controls)
            .OrderBy(l => Math.Abs(Math.Log(l.Width / Math.Max(4, 0.55 * l.Height * chars))))
            .Take(_options.MaxLineReads)
            .ToList();
        var everyInstance = query.Ordinal != 0 || query.Position != TargetPosition.None;
        var found = new List<TextMatch>();
        foreach (var batch in lines.Chunk(everyInstance ? Math.Max(1, lines.Count) : LineBatch))
        {
            var reads = await Task.WhenAll(batch.Select(async line =>
            {
                var text = await ocr.RecognizeAsync(screen.Image, OcrRequest.TextLine(line), cancellationToken).ConfigureAwait(false);
                var best = TextMatcher.Find(text, query.Text, "reading a line apart").MaxBy(m => m.Score);
                return best is null ? null : AttachControl(best, screen.Controls);
            })).ConfigureAwait(false);
            found.AddRange(reads.OfType<TextMatch>());
            if (found.Any(m => m.Similarity >= 0.999 && m.Score >= _options.MinConfidence && Standalone(m)))
            {
                break;
            }
        }

        return found;
    }

    // The control around a text is the smallest detected box that holds it the way a control holds its label:
    // vertically centred, not much taller than the text, and the text centred or left-aligned (inputs, selects).
    // Cards, table rows and panels that merely contain the text are not its control.
    private static TextMatch AttachControl(TextMatch match, IReadOnlyList<ScreenBox> controls)
    {
        var container = controls
            .Where(c => Holds(c, match.TextBox))
            .OrderBy(c => c.Area)
            .Cast<ScreenBox?>()
            .FirstOrDefault();
        return container is null ? match : match with { Control = container };
    }

    private static bool Holds(ScreenBox c, ScreenBox t)
    {
        var centre = t.Center;
        return c.Contains(centre) && c.Area <= t.Area * 40 && c.Width >= t.Width * 0.9 && c.Width <= Math.Max(6 * t.Width, t.Width + 240)
            && c.Height <= Math.Max(4 * t.Height, 56)
            && Math.Abs(c.Center.Y - centre.Y) <= Math.Max(4, 0.25 * c.Height)
            && (Math.Abs(c.Center.X - centre.X) <= 0.25 * c.Width || t.X1 - c.X1 <= Math.Max(24, 0.1 * c.Width));
    }
}
