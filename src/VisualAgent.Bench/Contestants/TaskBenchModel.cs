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
        // Every setting of the template, this model's name in place of the template's.
        var options = template with { Model = profile.Name };
        var outcome = await BenchTaskRunner.RunAsync(task, options, cancellationToken).ConfigureAwait(false);
        return new Prediction
        {
            TaskSuccess = outcome.Success,
            Task = outcome,
            Steps = outcome.Steps,
            Calls = outcome.ModelCalls,
            Latency = TimeSpan.FromMilliseconds(outcome.WallMs),
            Usage = outcome.Tokens,
            RunFolder = outcome.RunFolder,
            Simulated = outcome.Simulated || Simulated,
            Error = outcome.Cause,
            Text = outcome.Verdict == TaskVerdict.NotRun ? null : outcome.Status.ToString().ToLowerInvariant(),
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
