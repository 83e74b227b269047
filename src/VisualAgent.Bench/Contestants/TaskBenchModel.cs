using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Contestants;

/// <summary>
/// A model under test on a task suite: the agent runs each task with it in a fresh browser context and the app
/// judges (success_js). Steps, model calls and wall time come from the agent's run.
/// </summary>
internal sealed class TaskBenchModel(ModelProfile profile, TaskRunOptions template) : IBenchModel
{
    public string Name => profile.Name;

    public ModelProfile Profile => profile;

    public bool Simulated => profile.IsSimulated;

    public string? NotSupported(SuiteKind kind)
    {
        if (kind != SuiteKind.Tasks)
        {
            return $"not supported: {kind.Id()} samples are not tasks";
        }

        return profile.IsOcr || DialectRegistry.Get(profile.Dialect!).Abilities.HasFlag(DialectAbilities.NextAction)
            ? null
            : $"not supported: the {profile.Dialect} dialect cannot choose the next action, so it cannot run agent tasks";
    }

    public async Task<Prediction> PredictAsync(BenchSample sample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var task = sample.Task as BenchTask ?? throw new InvalidOperationException($"Sample {sample.Id} holds no task.");
        var options = new TaskRunOptions
        {
            Browser = template.Browser,
            Model = profile.Name,
            RunsFolder = template.RunsFolder,
            SamplesBaseUrl = template.SamplesBaseUrl,
            Profiles = template.Profiles,
            Ocr = template.Ocr,
            OcrGrounder = template.OcrGrounder,
            Agent = template.Agent,
            Policy = template.Policy,
            Prompt = template.Prompt,
            FileFolders = template.FileFolders,
            DefaultTimeout = template.DefaultTimeout,
        };
        var outcome = await BenchTaskRunner.RunAsync(task, options, cancellationToken).ConfigureAwait(false);
        return new Prediction
        {
            TaskSuccess = outcome.Success,
            Steps = outcome.Steps,
            Calls = outcome.ModelCalls,
            Latency = TimeSpan.FromMilliseconds(outcome.WallMs),
            Usage = outcome.Tokens,
            RunFolder = outcome.RunFolder,
            Simulated = outcome.Simulated || Simulated,
            Error = outcome.Cause,
            FailureCause = outcome.Error switch
            {
                null => null,
                { } e when e.Contains("not in the offline step grammar", StringComparison.Ordinal) => "not_offline_grammar",
                _ => "task_error",
            },
            Text = outcome.Status.ToString().ToLowerInvariant(),
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
