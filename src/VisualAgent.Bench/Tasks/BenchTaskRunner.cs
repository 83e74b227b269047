using System.Diagnostics;
using System.Text.Json;
using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Runs;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// Runs one task of a suite: a fresh browser context on the shared browser (the task's viewport; a local page served on
/// 127.0.0.1 with every non-local request blocked), the page loaded and setup_js run, the instruction (or the text
/// instruction_js gives, or the solution's steps with <see cref="TaskInstructions.Solution"/>) given to the agent with
/// the chosen model within max_steps and timeout_s, then success_js judged by the app. The agent's verdict and the
/// app's truth are kept apart. Never throws for a task that fails; only cancellation propagates.
/// </summary>
internal static class BenchTaskRunner
{
    public static async Task<TaskOutcome> RunAsync(BenchTask task, TaskRunOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var outcome = new TaskOutcome { Id = task.Id, Model = options.Model, Simulated = IsSimulated(options), Instruction = task.Instruction };
        if (options.Instructions == TaskInstructions.Solution && task.Solution is null)
        {
            return outcome with { Verdict = TaskVerdict.NotRun, Error = "not run: the task has no solution (--instructions solution gives each task's solution steps)" };
        }

        var downloads = Path.Combine(Path.GetTempPath(), "va-task-downloads", Guid.NewGuid().ToString("N")[..12]);
        var url = PageUrl(task, options);
        var pageOptions = options.Browser.Options.With(task.Viewport?.Width, task.Viewport?.Height);
        pageOptions.DownloadsDir = downloads;
        pageOptions.BlockNonLocalRequests = IsLocal(url);
        var driver = await options.Browser.NewDriverAsync(pageOptions, ct).ConfigureAwait(false);
        await using (driver.ConfigureAwait(false))
        {
            try
            {
                outcome = await RunOnDriverAsync(task, options, driver, url, outcome, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is VisualAgentException or JsonException && !ct.IsCancellationRequested)
            {
                outcome = outcome with { Verdict = outcome.RunFolder is null ? TaskVerdict.Error : outcome.Verdict, Error = e.Message };
            }
        }

        TryDelete(downloads);
        return outcome with { WallMs = clock.Elapsed.TotalMilliseconds };
    }

    /// <summary>The URL the task's page is opened at: {{samples}} resolved, a local file on the bench's server when there is one.</summary>
    public static string PageUrl(BenchTask task, TaskRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        var url = task.ResolveUrl(options.SamplesBaseUrl);
        return task.IsLocalFile && options.LocalPages?.Map(url) is { } served ? served : url;
    }

    private static bool IsLocal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.IsFile || u.IsLoopback);

    private static async Task<TaskOutcome> RunOnDriverAsync(BenchTask task, TaskRunOptions options, PlaywrightDriver driver, string url, TaskOutcome outcome, CancellationToken ct)
    {
        await driver.NavigateAsync(url, ct).ConfigureAwait(false);
        if (task.SetupJs is { } setup)
        {
            await driver.EvaluateAsync(setup, ct).ConfigureAwait(false);
        }

        try
        {
            var instruction = task.Instruction ?? await InstructionFromJsAsync(driver, task.InstructionJs!, ct).ConfigureAwait(false);
            var goal = options.Instructions == TaskInstructions.Solution ? task.Solution! : instruction;
            outcome = outcome with { Instruction = instruction, Goal = goal };
            outcome = await RunAgentAsync(task, options, driver, url, goal, outcome, ct).ConfigureAwait(false);
        }
        catch (TaskNotRunnableException e)
        {
            outcome = outcome with
            {
                Verdict = e.Cause == TaskFailureCause.NotOfflineGrammar ? TaskVerdict.Refused : TaskVerdict.Error,
                Error = e.Message, ErrorCause = e.Cause,
            };
        }

        return await JudgeAsync(driver, task.SuccessJs, outcome, ct).ConfigureAwait(false);
    }

    private static async Task<TaskOutcome> RunAgentAsync(BenchTask task, TaskRunOptions options, PlaywrightDriver driver, string url, string goal, TaskOutcome outcome, CancellationToken ct)
    {
        var model = await TaskModel.CreateAsync(options, task, goal, driver, ct).ConfigureAwait(false);
        await using (model.ConfigureAwait(false))
        {
            var agent = Bounds(task, options, model);
            var policy = WithOrigin(options.Policy ?? new PolicyOptions(), url);
            var runner = AgentFactory.Create(new AgentSetup
            {
                Driver = driver, Planner = model.Planner, Grounder = model.Grounder, Store = new RunStore(Path.GetFullPath(options.RunsFolder)),
                Options = agent, Policy = policy, Prompt = options.Prompt ?? (task.AllowRisky ? new AlwaysYesPrompt() : new DenyRiskyPrompt()),

                // Only secrets the suite's author wrote are read; an instruction_js instruction is the page's text.
                Secrets = new SecretResolver(new SecretMasker(), declared: SecretResolver.Names(task.Instruction).Concat(SecretResolver.Names(task.Solution))),
            });
            var scale = options.Browser.Options.DeviceScaleFactor;
            var request = new RunRequest
            {
                Goal = goal,
                // Recorded so the run folder replays and exports from its page; not when setup_js prepared the page
                // (a replay or a script would start from a page the task did not start from).
                StartUrl = task.SetupJs is null ? url : null, StartUrlOpened = true,
                Model = options.Model,
                Simulated = model.Simulated,
                GroundThroughElements = TaskModel.ResolveProfile(options).GroundsThroughElements,
                Settings = new Dictionary<string, string>
                {
                    ["task"] = task.Id,
                    ["url"] = url,
                    // CSS pixels and scale, as every run records them (the page's measured size in screenshot pixels over
                    // the scale): replays and scripts open their page at this size.
                    [RunSettingKeys.Viewport] = $"{Math.Round(driver.ScreenSize.Width / scale)}x{Math.Round(driver.ScreenSize.Height / scale)}",
                    [RunSettingKeys.DeviceScaleFactor] = scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["mode"] = model.Mode,
                    ["instructions"] = options.Instructions == TaskInstructions.Solution ? "solution" : "instruction",
                    ["allow_risky"] = task.AllowRisky ? "true" : "false",
                },
            };
            var result = await runner.RunAsync(request, ct).ConfigureAwait(false);
            var run = result.Record;
            return outcome with
            {
                Verdict = TaskCauses.VerdictOf(run.Status, run.Cause),
                Status = run.Status, RunCause = run.Cause, Reason = run.Reason, Steps = run.Steps, ModelCalls = run.ModelCalls, Tokens = run.Tokens,
                FailedChecks = run.FailedChecks, WeakChecks = run.WeakChecks, StepMs = StepDurations(result.Folder),
                RunFolder = result.Folder, Simulated = run.Simulated, Notes = model.Oracle?.Notes.ToArray() ?? [],
                FinalScreenshot = run.FinalScreenshot is { } shot && File.Exists(Path.Combine(result.Folder, shot)) ? Path.Combine(result.Folder, shot) : null,
            };
        }
    }

    /// <summary>Each recorded step's duration, started to ended, in ms.</summary>
    private static double[] StepDurations(string folder) =>
        [.. RunReader.ReadSteps(folder).Where(s => s.Ended > s.Started).Select(s => (s.Ended - s.Started).TotalMilliseconds)];

    /// <summary>The profile's kind says whether the model is the simulator; a name no profile answers to is not.</summary>
    private static bool IsSimulated(TaskRunOptions options)
    {
        try
        {
            return TaskModel.ResolveProfile(options).IsSimulated;
        }
        catch (VisualAgentException)
        {
            return false;
        }
    }

    private static AgentOptions Bounds(BenchTask task, TaskRunOptions options, TaskModel model)
    {
        var b = options.Agent ?? new AgentOptions();
        return b with
        {
            MaxSteps = task.MaxSteps ?? b.MaxSteps,
            MaxWallTime = task.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : options.DefaultTimeout,
            ContinueAfterFailedStep = b.ContinueAfterFailedStep || model.Mode == "model",
        };
    }

    private static PolicyOptions WithOrigin(PolicyOptions p, string url) => p with { AllowedOrigins = [.. p.AllowedOrigins, .. OriginOf(url)], RiskyWords = [.. p.RiskyWords] };

    private static string[] OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? [u.GetLeftPart(UriPartial.Authority)] : [];

    private static async Task<string> InstructionFromJsAsync(PlaywrightDriver driver, string js, CancellationToken ct)
    {
        var json = await driver.EvaluateAsync(js, ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.String && doc.RootElement.GetString() is { Length: > 0 } text
            ? text
            : throw new TaskNotRunnableException($"instruction_js gave {json}, not a non-empty string");
    }

    /// <summary>
    /// success_js, evaluated by the app: truthy = true, falsy = false; a script error or a page that is gone = unknown,
    /// with the message (the agent's verdict stands as it was).
    /// </summary>
    private static async Task<TaskOutcome> JudgeAsync(PlaywrightDriver driver, string successJs, TaskOutcome outcome, CancellationToken ct)
    {
        try
        {
            if (driver.PendingDialog is not null)
            {
                await driver.AnswerDialogAsync(accept: false, cancellationToken: ct).ConfigureAwait(false);
            }

            var json = await driver.EvaluateAsync($"(async () => !!(await ({successJs})))()", ct).ConfigureAwait(false);
            return outcome with { Truth = json == "true" ? TaskTruth.True : TaskTruth.False };
        }
        catch (Exception e) when (e is VisualAgentException && !ct.IsCancellationRequested)
        {
            return outcome with { Truth = TaskTruth.Unknown, Error = outcome.Error ?? $"success_js could not be evaluated: {e.Message}" };
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A download still being written: the temp folder is cleaned by the OS.
        }
    }
}
