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
        var controls = ControlDetector.Detect(image);
        var page = await ocr.RecognizeAsync(image, null, cancellationToken).ConfigureAwait(false);
        var all = TextMatcher.Find(page, query.Text, "full-page OCR").Select(m => AttachControl(m, controls)).ToList();
        var good = all.Where(m => m.Score >= _options.MinConfidence).ToList();
        if (_options.ReadControls && (good.Count == 0 || query.Ordinal != 0 || query.Position != TargetPosition.None))
        {
            all.AddRange(await ReadControlsAsync(image, controls, query.Text, cancellationToken).ConfigureAwait(false));
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

        if (query.Kind == TargetKind.Button && good.Any(m => m.Control is not null))
        {
            good = good.Where(m => m.Control is not null).ToList();
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

    private async Task<IEnumerable<TextMatch>> ReadControlsAsync(
        Image image, IReadOnlyList<ScreenBox> controls, string target, CancellationToken cancellationToken)
    {
        var reads = controls.Take(_options.MaxControlReads).Select(async control =>
        {
            var inner = control.Height > 16 && control.Width > 16 ? control.Inflate(-3) : control;
            var text = await ocr.RecognizeAsync(image, OcrRequest.SingleLine(inner), cancellationToken).ConfigureAwait(false);
            var best = TextMatcher.Find(text, target, "re-reading the control").MaxBy(m => m.Score);
            return best is null ? null : best with { Control = control };
        });
        var found = await Task.WhenAll(reads).ConfigureAwait(false);
        return found.OfType<TextMatch>();
    }

    private static TextMatch AttachControl(TextMatch match, IReadOnlyList<ScreenBox> controls)
    {
        var centre = match.TextBox.Center;
        var container = controls
            .Where(c => c.Contains(centre) && c.Area <= match.TextBox.Area * 40 && c.Width >= match.TextBox.Width * 0.9)
            .OrderBy(c => c.Area)
            .Cast<ScreenBox?>()
            .FirstOrDefault();
        return container is null ? match : match with { Control = container };
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
