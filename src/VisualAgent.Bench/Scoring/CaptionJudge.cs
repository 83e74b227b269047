using System.Globalization;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Suites;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Scoring;

/// <summary>
/// `--judge PROFILE` for caption suites: a chat model rates each scored caption 1-5 against the image and references.
/// The candidate caption is model output: it reaches the judge only as quoted data inside the rubric question. A reply
/// without an integer 1-5 first is "unparsed"; an unreachable judge stops the judging (not the models' runs).
/// A simulated judge answers 1 + round(4 x sentence BLEU-4) of the candidate: deterministic, and labelled simulated.
/// </summary>
internal sealed class CaptionJudge : IAsyncDisposable
{
    private readonly VlmBenchModel? _model;
    private string? _stopped;

    private CaptionJudge(string profile, bool simulated, VlmBenchModel? model, string? stopped)
    {
        Profile = profile;
        Simulated = simulated;
        _model = model;
        _stopped = stopped;
    }

    public string Profile { get; }

    public bool Simulated { get; }

    /// <summary>Why judging stopped (unreachable judge), or null.</summary>
    public string? Stopped => Volatile.Read(ref _stopped);

    public static async Task<CaptionJudge> CreateAsync(ModelProfile profile, BenchModelOptions options, CancellationToken ct)
    {
        try
        {
            var model = await BenchModelFactory.CreateAsync(profile, options, ct).ConfigureAwait(false);
            if (model is VlmBenchModel vlm && vlm.NotSupported(SuiteKind.Vqa) is null)
            {
                return new CaptionJudge(profile.Name, vlm.Simulated, vlm, null);
            }

            await model.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"--judge {profile.Name}: the judge must be a chat model profile able to answer questions about an image (not ocr, not a grounding-only dialect).");
        }
        catch (ModelStoppedException ex)
        {
            return new CaptionJudge(profile.Name, profile.IsSimulated, null, $"judge {profile.Name} unreachable, captions are not judged: {ex.Message}");
        }
    }

    /// <summary>Adds the judge's score to a scored caption result; returns it unchanged when judging has stopped or the caption failed.</summary>
    public async Task<SampleResult> JudgeAsync(BenchSample sample, SampleResult result, Action<string> warn, CancellationToken ct)
    {
        if (_model is null || Stopped is not null || !result.Ok || sample.Kind != SuiteKind.Caption)
        {
            return result;
        }

        var candidate = result.Prediction ?? "";
        var simulated = (1 + (int)Math.Round(4 * result.Metrics.GetValueOrDefault("bleu4_sentence"), MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
        try
        {
            var reply = await _model.AskAsync(sample, JudgeRubric.Question(sample.Answers, candidate), $"[judge {sample.Id}]", simulated, ct).ConfigureAwait(false);
            var text = reply.Reply.Text ?? reply.Raw;
            return JudgeRubric.Parse(text) is { } score
                ? result with { Judge = score, JudgeStatus = "ok" }
                : result with { JudgeStatus = "unparsed", JudgeRaw = Cut(text) };
        }
        catch (ModelReplyParseException ex)
        {
            return result with { JudgeStatus = "unparsed", JudgeRaw = Cut(ex.Raw) };
        }
        catch (ModelUnavailableException ex) when (!ct.IsCancellationRequested)
        {
            var kind = (ex.InnerException as VisualAgent.Models.Client.ModelCallFailure)?.Kind;
            if (kind is VisualAgent.Models.Client.ModelFailureKind.Connection or VisualAgent.Models.Client.ModelFailureKind.NotFound or VisualAgent.Models.Client.ModelFailureKind.Unauthorized
                && Interlocked.CompareExchange(ref _stopped, $"judge {Profile} unreachable, judging stopped: {ex.Message}", null) is null)
            {
                warn(_stopped!);
            }

            return result with { JudgeStatus = "failed", JudgeRaw = Cut(ex.Message) };
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_model is not null)
        {
            await _model.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? Cut(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
