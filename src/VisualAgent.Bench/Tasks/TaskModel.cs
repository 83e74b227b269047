using VisualAgent.Agent.Offline;
using VisualAgent.Bench.Tasks.Oracle;
using VisualAgent.Drivers;
using VisualAgent.Grounding;
using VisualAgent.Hosting;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Planning;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// The planner and grounder one task runs with, over the profile's <see cref="ModelStack"/> (as the CLI composes a
/// run): ocr = the offline planner over the instruction + the OCR grounder; sim-&lt;dialect&gt; = the real model client
/// against the simulated server, driven by the oracle; a real profile = the model planner and grounder.
/// </summary>
internal sealed class TaskModel : IAsyncDisposable
{
    private ModelStack? _stack;

    public required IPlanner Planner { get; init; }

    public required IGrounder Grounder { get; init; }

    public bool Simulated { get; init; }

    public SimulatedOraclePlanner? Oracle { get; init; }

    public string Mode { get; init; } = "";

    public static async Task<TaskModel> CreateAsync(TaskRunOptions options, BenchTask task, string instruction, IBrowserDriver driver, CancellationToken ct)
    {
        var profile = ResolveProfile(options);
        if (profile.IsOcr)
        {
            if (!StepParser.TryParse(instruction, out var steps, out var error))
            {
                var what = options.Instructions == TaskInstructions.Solution ? "the task's solution" : "instruction";
                throw new TaskNotRunnableException($"{what} is not in the offline step grammar ({FirstLine(error)})", TaskFailureCause.NotOfflineGrammar);
            }

            var ocr = options.Ocr ?? throw new TaskNotRunnableException("the ocr model needs an OCR engine (TaskRunOptions.Ocr)");
            var offline = await ModelStack.OpenAsync(profile, new ModelStackOptions { Ocr = ocr, OcrGrounderOptions = options.OcrGrounder }, ct).ConfigureAwait(false);
            return new TaskModel { Planner = new OfflinePlanner(TaskFiles.Resolve(steps, task, options)), Grounder = offline.Grounder, Mode = "offline", _stack = offline };
        }

        var dialect = DialectRegistry.Get(profile.Dialect ?? throw new TaskNotRunnableException($"model profile '{profile.Name}' names no dialect"));
        if (!profile.IsSimulated)
        {
            var real = await ModelStack.OpenAsync(profile, cancellationToken: ct).ConfigureAwait(false);
            return new TaskModel { Planner = real.CreatePlanner(), Grounder = real.Grounder, Mode = "model", _stack = real };
        }

        if (!dialect.Abilities.HasFlag(DialectAbilities.Ground))
        {
            throw new TaskNotRunnableException($"not supported: the {dialect.Id} family gives no coordinates, so it cannot act on a screen");
        }

        if (task.Solution is null)
        {
            throw new TaskNotRunnableException("the simulated model needs the task's solution, and the task has none");
        }

        if (!StepParser.TryParse(task.Solution, out var solution, out var solutionError))
        {
            throw new TaskNotRunnableException($"the task's solution is not in the offline step grammar ({FirstLine(solutionError)})", TaskFailureCause.NotOfflineGrammar);
        }

        solution = TaskFiles.Resolve(solution, task, options);
        if (options.Simulator is { } given && !string.Equals(given.Dialect.Id, dialect.Id, StringComparison.Ordinal))
        {
            throw new TaskNotRunnableException($"the simulator given speaks {given.Dialect.Id}, but the profile '{profile.Name}' speaks {dialect.Id}");
        }

        // The OCR engine, when given, is the oracle's fallback for canvas-painted targets (the stack's pixel grounder).
        var sim = await ModelStack.OpenAsync(profile, new ModelStackOptions { Simulator = options.Simulator, Ocr = options.Ocr, OcrGrounderOptions = options.OcrGrounder }, ct).ConfigureAwait(false);
        var server = sim.Simulator!;
        var grounder = new SimulatedOracleGrounder(sim.Grounder, server, driver);
        if (dialect.Abilities.HasFlag(DialectAbilities.NextAction))
        {
            var oracle = new SimulatedOraclePlanner(sim.CreatePlanner(), server, driver, solution, sim.PixelGrounder);
            return new TaskModel { Planner = oracle, Oracle = oracle, Grounder = grounder, Simulated = true, Mode = "simulated: one call decides and grounds", _stack = sim };
        }

        // Grounding-only families: the solution's steps are decided in words, the simulated model grounds each target.
        return new TaskModel { Planner = new OfflinePlanner(solution), Grounder = grounder, Simulated = true, Mode = "simulated: planner + grounder", _stack = sim };
    }

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The profile named by <see cref="TaskRunOptions.Model"/>: a configured one, "offline", "ocr", or sim-&lt;dialect&gt;.</summary>
    public static ModelProfile ResolveProfile(TaskRunOptions options)
    {
        var name = options.Model;
        if (options.Profiles is { } profiles && profiles.TryGet(name, out var configured))
        {
            configured.Validate();
            return configured;
        }

        if (string.Equals(name, ModelKinds.Ocr, StringComparison.OrdinalIgnoreCase) || string.Equals(name, ModelKinds.Offline, StringComparison.OrdinalIgnoreCase))
        {
            return new ModelProfile { Name = name, Kind = name.ToLowerInvariant() };
        }

        return new ModelProfiles([]).Get(name);
    }


    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();
}
