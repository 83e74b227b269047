using Microsoft.Extensions.AI;
using VisualAgent.Actions;
using VisualAgent.Bench.Suites;
using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;

namespace VisualAgent.Bench.Contestants;

/// <summary>
/// A vision-language model behind an OpenAI-compatible endpoint (real, or the in-process simulated server for
/// sim-* profiles), asked in its own dialect. For a simulated model each sample's truth is registered first.
/// </summary>
internal sealed class VlmBenchModel(ModelStack stack, SampleImages images) : IBenchModel
{
    private readonly ModelProfile _profile = stack.Profile;
    private readonly IModelDialect _dialect = stack.Dialect ?? throw new ArgumentException("A chat model's stack has a dialect.", nameof(stack));
    private readonly IChatClient _client = stack.Client!;
    private readonly SimulatedServer? _simulator = stack.Simulator;
    private readonly ModelCaller _caller = new(stack.Profile, stack.Dialect!, stack.Client!, images.ResizeCached);

    public string Name => _profile.Name;

    public ModelProfile Profile => _profile;

    public bool Simulated => _simulator is not null;

    public SimulatedServer? Simulator => _simulator;

    public string? NotSupported(SuiteKind kind)
    {
        var need = kind switch
        {
            SuiteKind.Grounding or SuiteKind.Refexp => DialectAbilities.Ground,
            SuiteKind.Ocr => DialectAbilities.TextSpotting,
            SuiteKind.Vqa => DialectAbilities.Answer,
            SuiteKind.Caption => DialectAbilities.Describe,
            SuiteKind.MultiImage => DialectAbilities.MultiImage,
            _ => DialectAbilities.NextAction,
        };
        return _dialect.Abilities.HasFlag(need)
            ? null
            : $"not supported: the {_dialect.Id} dialect has no {need} ability ({kind.Id()} is reported as not supported, not scored 0)";
    }

    public async Task<Prediction> PredictAsync(BenchSample sample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var shots = await images.GetAllAsync(sample, cancellationToken).ConfigureAwait(false);
        var task = TaskOf(sample);
        var caller = _caller;
        if (_simulator is not null)
        {
            var tag = SimTagDialect.TagOf(sample);
            SimulatedTruth.Register(_simulator, sample, tag, task.Kind);
            caller = new ModelCaller(_profile, new SimTagDialect(_dialect, tag), _client, images.ResizeCached);
        }

        var started = TimeProvider.System.GetTimestamp();
        ModelCallResult result;
        try
        {
            result = await caller.CallAsync(task, shots, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelReplyParseException ex)
        {
            return new Prediction { FormatError = ex.Message, Raw = ex.Raw, Latency = TimeProvider.System.GetElapsedTime(started), Calls = caller.MaxRepairs + 1, Simulated = Simulated };
        }
        catch (ModelUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var kind = (ex.InnerException as ModelCallFailure)?.Kind;
            if (kind is ModelFailureKind.Connection or ModelFailureKind.NotFound or ModelFailureKind.Unauthorized)
            {
                throw new ModelStoppedException(ex.Message, ex);
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            return kind switch
            {
                // Still failing after the client's retries: an error to run again on resume, never a final score.
                ModelFailureKind.RateLimited => Prediction.Failed("rate_limited", ex.Message, elapsed, Simulated) with { Transient = true },
                ModelFailureKind.ServerError => Prediction.Failed("server_error", ex.Message, elapsed, Simulated) with { Transient = true },
                ModelFailureKind.Timeout => Prediction.Failed("timeout", ex.Message, elapsed, Simulated),
                _ => Prediction.Failed("model_error", ex.Message, elapsed, Simulated),
            };
        }

        return Read(result, task.Kind);
    }

    /// <summary>
    /// Asks a free question about the sample's image (the caption judge). For a simulated model
    /// <paramref name="simulatedAnswer"/> is registered under <paramref name="tag"/> first. Failures propagate.
    /// </summary>
    internal async Task<ModelCallResult> AskAsync(BenchSample sample, string question, string tag, string simulatedAnswer, CancellationToken cancellationToken)
    {
        var shots = await images.GetAllAsync(sample, cancellationToken).ConfigureAwait(false);
        var task = new ModelTask(ModelTaskKind.Answer, question);
        var caller = _caller;
        if (_simulator is not null)
        {
            _simulator.RegisterAnswer(tag, new ParsedReply { Text = simulatedAnswer, Task = task.Kind }, sample.ImageSize);
            caller = new ModelCaller(_profile, new SimTagDialect(_dialect, tag), _client, images.ResizeCached);
        }

        return await caller.CallAsync(task, shots.Count > 1 ? [shots[^1]] : shots, cancellationToken).ConfigureAwait(false);
    }

    private static ModelTask TaskOf(BenchSample sample) => sample.Kind switch
    {
        SuiteKind.Grounding or SuiteKind.Refexp => new ModelTask(ModelTaskKind.Ground, sample.Prompt),
        SuiteKind.Ocr => new ModelTask(ModelTaskKind.TextSpotting, ""),
        SuiteKind.Caption => new ModelTask(ModelTaskKind.Describe, ""),
        _ when sample.Images.Count > 1 => new ModelTask(ModelTaskKind.Compare, sample.Prompt) { ImageCount = sample.Images.Count },
        _ => new ModelTask(ModelTaskKind.Answer, sample.Prompt),
    };

    private Prediction Read(ModelCallResult result, ModelTaskKind kind)
    {
        var reply = result.Reply;
        var prediction = new Prediction
        {
            Raw = result.Raw,
            Latency = result.Latency,
            TimeToFirstToken = result.TimeToFirstToken,
            Usage = result.Usage,
            Calls = result.Calls,
            Simulated = result.Simulated || Simulated,
        };
        switch (kind)
        {
            case ModelTaskKind.Ground:
                return reply.Action?.Target is { } point
                    ? prediction with { Point = point, Box = reply.Action.BoxValue }
                    : prediction with { FormatError = "the reply holds no point or box" };
            case ModelTaskKind.TextSpotting:
                if (reply.Spots is { } spots)
                {
                    return prediction with { Spots = [.. spots.Select(s => (s.Text, s.Box))], Text = string.Join('\n', spots.Select(s => s.Text)) };
                }

                return reply.Text is { } text ? prediction with { Text = text } : prediction with { FormatError = "the reply holds no text" };
            default:
                var answer = reply.Text ?? (reply.Action as AnswerAction)?.Text ?? (reply.Action as DoneAction)?.Answer;
                return answer is not null ? prediction with { Text = answer } : prediction with { FormatError = "the reply holds no answer text" };
        }
    }

    public ValueTask DisposeAsync() => stack.DisposeAsync();
}
