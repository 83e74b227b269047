using VisualAgent.Bench.Runner;
using Microsoft.Extensions.AI;
using VisualAgent.Agent.Offline;
using VisualAgent.Bench.Tasks.Oracle;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Grounding;
using VisualAgent.Models.Planning;
using VisualAgent.Models.Profiles;
using VisualAgent.Planning;
using VisualAgent.Simulator;
using VisualAgent.Vision;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// The planner and grounder one task runs with, composed as the CLI composes a run (Hosting/ModelStack): ocr = the
/// offline planner over the instruction + the OCR grounder; sim-&lt;dialect&gt; = the real model client against the
/// simulated server, driven by the oracle; a real profile = the model planner and grounder.
/// </summary>
internal sealed class TaskModel : IAsyncDisposable
{
    private ModelConnection? _connection;

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
                throw new TaskNotRunnableException($"instruction is not in the offline step grammar ({FirstLine(error)})");
            }

            var ocr = options.Ocr ?? throw new TaskNotRunnableException("the ocr model needs an OCR engine (TaskRunOptions.Ocr)");
            return new TaskModel { Planner = new OfflinePlanner(TaskFiles.Resolve(steps, task, options)), Grounder = new OcrGrounder(ocr, options.OcrGrounder), Mode = "offline" };
        }

        var dialect = DialectRegistry.Get(profile.Dialect ?? throw new TaskNotRunnableException($"model profile '{profile.Name}' names no dialect"));
        if (!profile.IsSimulated)
        {
            var connection = await ModelConnection.OpenAsync(profile, cancellationToken: ct).ConfigureAwait(false);
            var caller = connection.CreateCaller();
            return new TaskModel { Planner = new ModelPlanner(new VlmSession(caller), profile.Name), Grounder = new ModelGrounder(caller), Mode = "model", _connection = connection };
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
            throw new TaskNotRunnableException($"the task's solution is not in the offline step grammar ({FirstLine(solutionError)})");
        }

        solution = TaskFiles.Resolve(solution, task, options);
        if (options.Simulator is { } given && !string.Equals(given.Dialect.Id, dialect.Id, StringComparison.Ordinal))
        {
            throw new TaskNotRunnableException($"the simulator given speaks {given.Dialect.Id}, but the profile '{profile.Name}' speaks {dialect.Id}");
        }

        var sim = await ModelConnection.OpenAsync(profile, simulator: options.Simulator, cancellationToken: ct).ConfigureAwait(false);
        var server = sim.Simulator!;
        var simCaller = sim.CreateCaller();
        var grounder = new SimulatedOracleGrounder(new ModelGrounder(simCaller), server, driver);
        if (dialect.Abilities.HasFlag(DialectAbilities.NextAction))
        {
            var fallback = options.Ocr is null ? null : new OcrGrounder(options.Ocr, options.OcrGrounder);
            var oracle = new SimulatedOraclePlanner(new ModelPlanner(new VlmSession(simCaller), profile.Name), server, driver, solution, fallback);
            return new TaskModel { Planner = oracle, Oracle = oracle, Grounder = grounder, Simulated = true, Mode = "simulated: one call decides and grounds", _connection = sim };
        }

        // Grounding-only families: the solution's steps are decided in words, the simulated model grounds each target.
        return new TaskModel { Planner = new OfflinePlanner(solution), Grounder = grounder, Simulated = true, Mode = "simulated: planner + grounder", _connection = sim };
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ModelProfile ResolveProfile(TaskRunOptions options)
    {
        var name = options.Model;
        if (options.Profiles is { } profiles && profiles.TryGet(name, out var configured))
        {
            configured.Validate();
            return configured;
        }

        if (string.Equals(name, ModelKinds.Ocr, StringComparison.OrdinalIgnoreCase))
        {
            return new ModelProfile { Name = name, Kind = ModelKinds.Ocr };
        }

        return new ModelProfiles([]).Get(name);
    }


    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();
}
