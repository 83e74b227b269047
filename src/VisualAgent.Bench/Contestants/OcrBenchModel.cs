using VisualAgent.Bench.Suites;
using VisualAgent.Grounding;
using VisualAgent.Hosting;
using VisualAgent.Models.Profiles;
using VisualAgent.Vision;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Bench.Contestants;

/// <summary>
/// The offline `ocr` profile: the OCR grounder for grounding suites and Tesseract itself for OCR suites (both real,
/// no model). Other kinds are not supported.
/// </summary>
internal sealed class OcrBenchModel(ModelStack stack, SampleImages images) : IBenchModel
{
    private readonly TesseractOcr _ocr = stack.Ocr ?? throw new ArgumentException("The stack of the ocr profile has an OCR engine.", nameof(stack));

    public string Name => stack.Profile.Name;

    public ModelProfile Profile => stack.Profile;

    public bool Simulated => false;

    public string? NotSupported(SuiteKind kind) => kind is SuiteKind.Grounding or SuiteKind.Ocr
        ? null
        : $"not supported: the offline OCR profile only grounds text and reads text ({kind.Id()} is reported as not supported, not scored 0)";

    public async Task<Prediction> PredictAsync(BenchSample sample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var shot = await images.GetAsync(sample.Images[^1], cancellationToken).ConfigureAwait(false);
        var started = TimeProvider.System.GetTimestamp();
        if (sample.Kind == SuiteKind.Ocr)
        {
            using var image = Image.Decode(shot.Png.Span);
            var result = await _ocr.RecognizeAsync(image, null, cancellationToken).ConfigureAwait(false);
            return new Prediction
            {
                Text = result.FullText,
                Spots = [.. result.Lines.Select(l => (l.Text, l.Box))],
                Latency = TimeProvider.System.GetElapsedTime(started),
                Calls = 1,
            };
        }

        var answer = await stack.Grounder.GroundAsync(new GroundingRequest(shot, sample.Prompt), cancellationToken).ConfigureAwait(false);
        var latency = answer.Latency > TimeSpan.Zero ? answer.Latency : TimeProvider.System.GetElapsedTime(started);
        return answer.Found
            ? new Prediction { Point = answer.Point, Box = answer.Box, Raw = answer.Raw, Latency = latency, Calls = 1, Confidence = answer.Confidence }
            : new Prediction { FailureCause = "not_found", Error = answer.Error, Raw = answer.Raw, Latency = latency, Calls = 1 };
    }

    public ValueTask DisposeAsync() => stack.DisposeAsync();
}
