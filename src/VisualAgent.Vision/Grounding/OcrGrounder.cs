using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// The offline grounder: finds the target's text with OCR (full page first; then, when that is not enough, detected
/// controls re-read one by one, dark bands, and lines of text the page read missed, each upscaled with its polarity
/// normalised), prefers controls and short labels over words inside sentences, applies the label rule for fields
/// (input-like controls only, in the reading direction), link styling for links, ordinals and position hints, and
/// answers the control's box when the text sits inside a control. The confidence is lowered for every doubt that
/// remains (a match inside prose, a partial quoted phrase, a tie, a field without its input), so that a wrong answer
/// does not look certain. Refuses (Found = false) below <see cref="OcrGrounderOptions.MinConfidence"/>.
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

        FrameLease image;
        try
        {
            image = FrameCache.Shared.Rent(request.Image.Png.Span, _options.MaxPixels);
        }
        catch (ImageFormatException ex)
        {
            return GroundingResult.NotFound(ex.Message) with { Latency = _time.GetElapsedTime(started) };
        }

        using (image)
        {
            var result = await GroundAsync(image.Image, query, cancellationToken).ConfigureAwait(false);
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
        var screen = new Screen(image, page, controls);

        // "the First Name field": the capitalised ordinal may begin the name. The whole name wins when it stands on
        // the screen as a label or in a control.
        if (query.Alternative is { } whole)
        {
            var literal = query with { Text = whole, Ordinal = 0, Alternative = null };
            var found = await FindAsync(screen, literal, cancellationToken).ConfigureAwait(false);
            if (found.Any(m => m.Score >= _options.MinConfidence && Standalone(m)))
            {
                return Choose(screen, literal, found);
            }
        }

        var all = await FindAsync(screen, query, cancellationToken).ConfigureAwait(false);
        return Choose(screen, query, all);
    }

    // Every place the text was read: the full-page read, and when that is not enough, re-reads.
    private async Task<List<TextMatch>> FindAsync(Screen screen, TargetQuery query, CancellationToken cancellationToken)
    {
        var all = TextMatcher.Find(screen.Page, query.Text, "full-page OCR").Select(m => AttachControl(m, screen.Controls)).ToList();
        var good = all.Where(m => m.Score >= _options.MinConfidence).ToList();
        if (_options.ReadControls && (NeedsCloserLook(good, query) || (query.Kind == TargetKind.Link && !good.Any(m => m.Control is null && screen.LooksLikeLink(m.TextBox)))))
        {
            all.AddRange(await ReadControlsAsync(screen, query.Text, cancellationToken).ConfigureAwait(false));
            all = TextMatcher.Suppress(all);
            good = all.Where(m => m.Score >= _options.MinConfidence).ToList();
            if (_options.ReadTextLines && (!good.Any(m => Standalone(m) && m.Similarity >= 0.999)
                || (query.Kind == TargetKind.Link && !good.Any(m => m.Control is null && screen.LooksLikeLink(m.TextBox)))))
            {
                all.AddRange(await ReadTextLinesAsync(screen, query, cancellationToken).ConfigureAwait(false));
                all = TextMatcher.Suppress(all);
            }
        }

        return all;
    }

    // The full-page read is enough when a confident match stands alone (or sits in a control) and no ordinal or
    // position needs every instance and it reads exactly; a button must be found inside a control when one can be; a
    // quoted phrase must be found whole.
    private static bool NeedsCloserLook(List<TextMatch> good, TargetQuery query) =>
        good.Count == 0
        || !good.Any(m => m.Similarity >= 0.999)
        || query.Ordinal != 0
        || query.Position != TargetPosition.None
        || !good.Any(Standalone)
        || (query.Quoted && !good.Any(m => m.EntireLine || m.Control is not null))
        || (query.Kind is TargetKind.Button or TargetKind.Any && !good.Any(m => m.Control is not null));

    private static bool Standalone(TextMatch m) => m.Whole || m.Control is not null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "OCR grounding of '{Instruction}': found={Found} {Explanation}")]
    private static partial void LogGrounded(ILogger logger, string instruction, bool found, string explanation);
}
