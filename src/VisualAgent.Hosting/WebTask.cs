using Microsoft.Extensions.Logging;
using VisualAgent.Agent;
using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Hosting;

/// <summary>
/// A browser task with no terminal at hand, recorded as a run: the MCP's run_task and the web UI's "open as task" and
/// re-run. `visual-agent run` shares its pieces (<see cref="RefuseSimulated"/>, <see cref="ResolveGoal"/>,
/// <see cref="Settings"/>), so a run looks the same on disk whoever started it.
/// </summary>
public static class WebTask
{
    /// <summary>The secrets the instruction names ({{secret:NAME}}), read from the environment; throws naming any that is not set.</summary>
    public static SecretResolver CheckSecrets(string instruction)
    {
        var secrets = new SecretResolver(new SecretMasker(), declared: SecretResolver.Names(instruction));
        secrets.EnsureDeclaredAvailable();
        return secrets;
    }

    /// <summary>A simulated model answers only from ground truth a test or the benchmark registers: it cannot run a free task.</summary>
    public static void RefuseSimulated(params ModelStack?[] stacks)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        foreach (var stack in stacks)
        {
            if (stack is { Simulated: true })
            {
                throw new UsageException($"'{stack.Profile.Name}' is a simulated model: it answers only from ground truth a test or the benchmark registers, so it cannot run a free task. Use 'visual-agent bench run --suite tasks-samples --models {stack.Profile.Name}', a real model profile, or offline with explicit steps.");
            }
        }
    }

    /// <summary>The checks made before a browser opens: secrets set, no simulated model, and offline, steps the step grammar reads.</summary>
    public static SecretResolver Check(string instruction, ModelStack models, ModelStack? grounder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instruction);
        ArgumentNullException.ThrowIfNull(models);
        RefuseSimulated(models, grounder);
        if (models.Offline && !StepParser.TryParse(instruction, out _, out var error))
        {
            throw new UsageException($"{error}\nThe offline default runs explicit steps only; for a free-form goal pick a vision-language model profile.");
        }

        return CheckSecrets(instruction);
    }

    /// <summary>The URL the browser session is opened with: the task's own, else "samples:" when the steps name the samples server.</summary>
    public static string? SessionUrl(string? url, string instruction) =>
        url ?? (instruction.Contains("samples:", StringComparison.Ordinal) || instruction.Contains("{{samples}}", StringComparison.Ordinal) ? "samples:" : null);

    /// <summary>samples:PATH and {{samples}} in the steps become the session's samples server (its port changes every start).</summary>
    public static string ResolveGoal(string instruction, string? samplesBase) =>
        samplesBase is null ? instruction : instruction.Replace("{{samples}}", samplesBase, StringComparison.Ordinal).Replace("samples:", samplesBase + "/", StringComparison.Ordinal);

    /// <summary>
    /// The settings run.json records for a browser run: viewport, scale, headless, who confirms risky steps, who started
    /// it (<paramref name="via"/>, null for the CLI), and the samples server's base (scripts and replays map it to theirs).
    /// </summary>
    public static Dictionary<string, string> Settings(BrowserSession session, string confirmations, string? via)
    {
        ArgumentNullException.ThrowIfNull(session);
        var settings = new Dictionary<string, string>
        {
            ["viewport"] = $"{session.Options.ViewportWidth}x{session.Options.ViewportHeight}",
            ["device_scale_factor"] = session.Options.DeviceScaleFactor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["headless"] = session.Options.Headless ? "true" : "false",
            ["confirmations"] = confirmations,
        };
        if (via is not null)
        {
            settings["via"] = via;
        }

        if (session.SamplesBaseUrl is { } samples)
        {
            settings[RunSettingKeys.SamplesBase] = samples;
        }

        return settings;
    }

    /// <summary>Checks the task (<see cref="Check"/>), opens a browser of its own, runs the task to its end and closes the browser.</summary>
    public static async Task<RunResult> RunAsync(WebTaskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var models = request.Models;
        var secrets = Check(request.Instruction, models, request.Grounder);
        var options = request.Options ?? new AgentOptions();
        options.Validate();
        await using var session = await BrowserSession.OpenAsync(request.Browser, SessionUrl(request.Url, request.Instruction), request.Loggers, navigate: false, cancellationToken).ConfigureAwait(false);
        var goal = ResolveGoal(request.Instruction, session.SamplesBaseUrl);
        IPlanner planner = models.Offline ? new OfflinePlanner(StepParser.Parse(goal))
            : request.Grounder is null ? models.CreatePlanner() : models.CreateWordsPlanner();
        var runner = AgentFactory.Create(new AgentSetup
        {
            Driver = session.Driver,
            Planner = planner,
            Grounder = (request.Grounder ?? models).Grounder,
            Store = request.Store,
            Secrets = secrets,
            Options = options,
            Policy = request.Policy ?? new PolicyOptions(),
            Prompt = request.Prompt,
            Logger = request.Loggers?.CreateLogger<AgentRunner>(),
            RunCreated = request.RunCreated,
        });
        return await runner.RunAsync(new RunRequest
        {
            Goal = goal,
            StartUrl = request.Url is null ? null : session.ResolveUrl(request.Url),
            Model = request.Grounder is null ? models.Profile.Name : $"{models.Profile.Name}+{request.Grounder.Profile.Name}",
            Simulated = models.Simulated,
            GroundThroughElements = (request.Grounder ?? models).Profile.GroundsThroughElements,
            Price = models.Price,
            Settings = Settings(session, request.Prompt.Name, request.Via),
        }, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One browser task for <see cref="WebTask.RunAsync"/>: the steps or goal, where to start, the models and the run's bounds.</summary>
public sealed record WebTaskRequest
{
    /// <summary>Explicit steps (offline) or a goal (a vision-language model); secrets as {{secret:NAME}}.</summary>
    public required string Instruction { get; init; }

    /// <summary>Page to open first: http(s)://, a file, or samples:PATH; null when the steps open a page.</summary>
    public string? Url { get; init; }

    /// <summary>The profile that plans (and grounds, when <see cref="Grounder"/> is null).</summary>
    public required ModelStack Models { get; init; }

    /// <summary>Planner + grounder mode: this profile places each target.</summary>
    public ModelStack? Grounder { get; init; }

    public required BrowserOptions Browser { get; init; }

    public required RunStore Store { get; init; }

    /// <summary>Loop bounds; null = <see cref="AgentOptions"/> defaults.</summary>
    public AgentOptions? Options { get; init; }

    /// <summary>The safety policy; null = <see cref="PolicyOptions"/> defaults.</summary>
    public PolicyOptions? Policy { get; init; }

    /// <summary>Who answers risky steps (with no one to ask: <see cref="DenyRiskyPrompt"/>).</summary>
    public required IConfirmationPrompt Prompt { get; init; }

    /// <summary>Who started the run, recorded in run.json settings ("mcp", "ui").</summary>
    public required string Via { get; init; }

    public ILoggerFactory? Loggers { get; init; }

    /// <summary>Called once the run folder exists, with the run's id.</summary>
    public Action<string>? RunCreated { get; init; }
}
