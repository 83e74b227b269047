using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// The offline grounder: finds the target's text with OCR (full page first; detected controls re-read one by one
/// when that misses it or when an ordinal/position hint needs every instance), applies the label rule for fields,
/// ordinals and position hints, and answers the control's box when the text sits inside a control. Refuses
/// (Found = false) below <see cref="OcrGrounderOptions.MinConfidence"/>.
/// </summary>
public sealed partial class OcrGrounder(
    TesseractOcr ocr, OcrGrounderOptions? options = null, ILogger<OcrGrounder>? logger = null, TimeProvider? timeProvider = null) : IGrounder
{
    private readonly OcrGrounderOptions _options = options ?? new OcrGrounderOptions();
    private readonly ILogger _logger = logger ?? NullLogger<OcrGrounder>.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public string Name => "ocr";

    public async Task<GroundingResult> GroundAsync(GroundingRequest request, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var query = TargetQuery.Parse(request.Instruction);
        if (query.Text.Length == 0)
        {
            return GroundingResult.NotFound($"The instruction '{request.Instruction}' names no text to look for.") with { Latency = _time.GetElapsedTime(started) };
        }

        Image image;
        try
        {
            image = Image.Decode(request.Image, _options.MaxPixels);
        }
        catch (ImageFormatException ex)
        {
            return GroundingResult.NotFound(ex.Message) with { Latency = _time.GetElapsedTime(started) };
        }

        using (image)
        {
            var result = await GroundAsync(image, query, cancellationToken).ConfigureAwait(false);
            result = result with { Latency = _time.GetElapsedTime(started) };
            LogGrounded(_logger, request.Instruction, result.Found, result.Raw ?? result.Error ?? "");
            return result;
        }
    }

    private async Task<GroundingResult> GroundAsync(Image image, TargetQuery query, CancellationToken cancellationToken)
    {
        var detecting = Task.Run(() => ControlDetector.Detect(image), cancellationToken);
        var page = await ocr.RecognizeAsync(image, null, cancellationToken).ConfigureAwait(false);
        var controls = await detecting.ConfigureAwait(false);
        var all = TextMatcher.Find(page, query.Text, "full-page OCR").Select(m => AttachControl(m, controls)).ToList();
        var good = all.Where(m => m.Score >= _options.MinConfidence).ToList();
        if (_options.ReadControls && NeedsCloserLook(good, query))
        {
            all.AddRange(await ReadControlsAsync(image, controls, page, query.Text, cancellationToken).ConfigureAwait(false));
            all = TextMatcher.Suppress(all);
            good = all.Where(m => m.Score >= _options.MinConfidence).ToList();
        }

        if (good.Count == 0)
        {
            var best = all.MaxBy(m => m.Score);
            var why = best is null
                ? $"No text matching \"{query.Text}\" was read on the screenshot."
                : string.Create(CultureInfo.InvariantCulture, $"No text matching \"{query.Text}\": the closest, \"{best.Text}\", scored {best.Score:0.00} < {_options.MinConfidence:0.00}.");
            return GroundingResult.NotFound(why);
        }

        // A button is looked for inside detected controls, unless an ordinal asks for more instances than were
        // detected as controls (bordered buttons in table rows are often not detected one by one).
        var inControls = good.Count(m => m.Control is not null);
        var bestScore = good.Max(m => m.Score);
        if (query.Kind == TargetKind.Button && inControls > 0 && (query.Ordinal <= 0 || inControls >= query.Ordinal))
        {
            good = good.Where(m => m.Control is not null).ToList();
        }
        else if (query.Kind == TargetKind.Any && query.Ordinal <= 0 && good.Any(m => m.Control is not null && m.Score >= bestScore - 0.05))
        {
            // An unqualified target ("Log in") that reads as well in a heading as on a button is the button: the
            // thing to act on. A weaker fuzzy match inside a control does not beat an exact one outside.
            good = good.Where(m => m.Control is not null && m.Score >= bestScore - 0.05).ToList();
        }
        else if (good.Any(Standalone))
        {
            // A target is a label standing alone or inside a control, not the same words inside a sentence.
            good = good.Where(Standalone).ToList();
        }

        // The label rule decides between equal texts: a field's label has an input next to it, a button's text does not.
        if (query.Kind is TargetKind.Field or TargetKind.Button && good.Count > 1 && query.Ordinal == 0)
        {
            var wantsInput = query.Kind == TargetKind.Field;
            var fitting = good.Where(m => (m.Control is null && FieldLocator.FindInput(m.TextBox, controls, _options.FieldSearchDistance) is not null) == wantsInput).ToList();
            good = fitting.Count > 0 ? fitting : good;
        }

        var chosen = Select(good, query, out var selectError);
        if (chosen is null)
        {
            return GroundingResult.NotFound(selectError!);
        }

        var box = chosen.Box;
        var note = $"matched \"{chosen.Text}\" by {chosen.Source}" + (chosen.Control is null ? "" : " inside a control");
        var confidence = chosen.Score;
        if (query.Kind == TargetKind.Field && !(chosen.Control is { } own && own.Width >= own.Height * 1.5))
        {
            if (FieldLocator.FindInput(chosen.TextBox, controls, _options.FieldSearchDistance) is { } input)
            {
                box = input;
                note += "; the input next to that label";
            }
            else
            {
                confidence *= 0.9;
                note += "; no input found next to the label, answering the label";
            }
        }

        return new GroundingResult
        {
            Found = true,
            Box = box,
            Point = box.Center,
            Confidence = Math.Round(confidence, 3),
            Raw = string.Create(CultureInfo.InvariantCulture, $"{note} (score {chosen.Score:0.00}, {good.Count} candidate(s)) at {box}"),
        };
    }

    // The full-page read is enough when a confident match stands alone (or sits in a control) and no ordinal or
    // position needs every instance; a button must be found inside a control when one can be.
    private static bool NeedsCloserLook(List<TextMatch> good, TargetQuery query) =>
        good.Count == 0
        || query.Ordinal != 0
        || query.Position != TargetPosition.None
        || !good.Any(Standalone)
        || (query.Kind is TargetKind.Button or TargetKind.Any && !good.Any(m => m.Control is not null));

    private static bool Standalone(TextMatch m) => m.Whole || m.Control is not null;

    private async Task<IEnumerable<TextMatch>> ReadControlsAsync(
        Image image, IReadOnlyList<ScreenBox> controls, OcrResult page, string target, CancellationToken cancellationToken)
    {
        // Controls whose label the full-page read did not see (white on colour) go first: the budget is for them.
        var unread = controls
            .OrderBy(c => page.Words.Any(w => TextSimilarity.Normalize(w.Text).Length > 0 && c.Contains(w.Box.Center)) ? 1 : 0)
            .Take(_options.MaxControlReads);
        var reads = unread.Select(async control =>
        {
            var inner = control.Height > 16 && control.Width > 16 ? control.Inflate(-3) : control;
            var text = await ocr.RecognizeAsync(image, OcrRequest.SingleLine(inner), cancellationToken).ConfigureAwait(false);
            var best = TextMatcher.Find(text, target, "re-reading the control").MaxBy(m => m.Score);
            return best is null ? null
                : Holds(control, best.TextBox) ? best with { Control = control, Whole = true }
                : best;
        }).ToList();
        var bands = DarkBandDetector.Detect(image).Select(async band =>
        {
            var request = new OcrRequest { Region = band, PageSegMode = 11, Scale = 2, NormalizePolarity = true };
            var text = await ocr.RecognizeAsync(image, request, cancellationToken).ConfigureAwait(false);
            return TextMatcher.Find(text, target, "reading a dark band").MaxBy(m => m.Score);
        });
        var found = await Task.WhenAll(reads.Concat(bands)).ConfigureAwait(false);
        return found.OfType<TextMatch>();
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

    private static TextMatch? Select(List<TextMatch> candidates, TargetQuery query, out string? error)
    {
        error = null;
        var ordered = candidates.OrderBy(m => Math.Round(m.Box.Y1 / 10)).ThenBy(m => m.Box.X1).ToList();
        if (query.Position != TargetPosition.None)
        {
            ordered = query.Position switch
            {
                TargetPosition.Top => ordered.OrderBy(m => m.Box.Center.Y).ToList(),
                TargetPosition.Bottom => ordered.OrderByDescending(m => m.Box.Center.Y).ToList(),
                TargetPosition.Left => ordered.OrderBy(m => m.Box.Center.X).ToList(),
                _ => ordered.OrderByDescending(m => m.Box.Center.X).ToList(),
            };
            return query.Ordinal > 1 && query.Ordinal <= ordered.Count ? ordered[query.Ordinal - 1] : ordered[0];
        }

        if (query.Ordinal == -1)
        {
            return ordered[^1];
        }

        if (query.Ordinal > 0)
        {
            if (query.Ordinal <= ordered.Count)
            {
                return ordered[query.Ordinal - 1];
            }

            error = $"Asked for match number {query.Ordinal} of \"{query.Text}\", but only {ordered.Count} were found.";
            return null;
        }

        var top = ordered.Max(m => m.Score);
        return ordered.First(m => m.Score >= top - 0.02);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "OCR grounding of '{Instruction}': found={Found} {Explanation}")]
    private static partial void LogGrounded(ILogger logger, string instruction, bool found, string explanation);
}
