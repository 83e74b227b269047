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
/// Runs one task of a suite: a fresh browser context on the shared browser (the task's viewport), the page loaded and
/// setup_js run, the instruction (or instruction_js) given to the agent with the chosen model within max_steps and
/// timeout_s, then success_js judged by the app. Never throws for a task that fails; only cancellation propagates.
/// </summary>
internal static class BenchTaskRunner
{
    public static async Task<TaskOutcome> RunAsync(BenchTask task, TaskRunOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var outcome = new TaskOutcome { Id = task.Id, Model = options.Model, Simulated = IsSimulated(options) };
        var downloads = Path.Combine(Path.GetTempPath(), "va-task-downloads", Guid.NewGuid().ToString("N")[..12]);
        var pageOptions = options.Browser.Options.With(task.Viewport?.Width, task.Viewport?.Height);
        pageOptions.DownloadsDir = downloads;
        var driver = await options.Browser.NewDriverAsync(pageOptions, ct).ConfigureAwait(false);
        await using (driver.ConfigureAwait(false))
        {
            try
            {
                outcome = await RunOnDriverAsync(task, options, driver, outcome, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is VisualAgentException or JsonException && !ct.IsCancellationRequested)
            {
                outcome = outcome with { Error = e.Message };
            }
        }

        TryDelete(downloads);
        return outcome with { WallMs = clock.Elapsed.TotalMilliseconds };
    }

    private static async Task<TaskOutcome> RunOnDriverAsync(BenchTask task, TaskRunOptions options, PlaywrightDriver driver, TaskOutcome outcome, CancellationToken ct)
    {
        var url = task.ResolveUrl(options.SamplesBaseUrl);
        await driver.NavigateAsync(url, ct).ConfigureAwait(false);
        if (task.SetupJs is { } setup)
        {
            await driver.EvaluateAsync(setup, ct).ConfigureAwait(false);
        }

        var instruction = task.Instruction ?? await InstructionFromJsAsync(driver, task.InstructionJs!, ct).ConfigureAwait(false);
        TaskModel model;
        try
        {
            model = await TaskModel.CreateAsync(options, task, instruction, driver, ct).ConfigureAwait(false);
        }
        catch (TaskNotRunnableException e)
        {
            return outcome with { Error = e.Message, ErrorCause = e.Cause };
        }

        await using (model.ConfigureAwait(false))
        {
            var agent = Bounds(task, options, model);
            var policy = WithOrigin(options.Policy ?? new PolicyOptions(), url);
            var runner = AgentFactory.Create(new AgentSetup
            {
                Driver = driver, Planner = model.Planner, Grounder = model.Grounder, Store = new RunStore(Path.GetFullPath(options.RunsFolder)),
                Options = agent, Policy = policy, Prompt = options.Prompt ?? new AlwaysYesPrompt(),

                // Only secrets the suite's author wrote are read; an instruction_js instruction is the page's text.
                Secrets = new SecretResolver(new SecretMasker(), declared: SecretResolver.Names(task.Instruction).Concat(SecretResolver.Names(task.Solution))),
            });
            var request = new RunRequest
            {
                Goal = instruction,
                Model = options.Model,
                Simulated = model.Simulated,
                GroundThroughElements = (options.Profiles is { } profiles && profiles.TryGet(options.Model, out var p) ? p.GroundsThroughElements : string.Equals(options.Model, "offline", StringComparison.OrdinalIgnoreCase)),
                Settings = new Dictionary<string, string>
                {
                    ["task"] = task.Id,
                    ["url"] = url,
                    ["viewport"] = $"{driver.ScreenSize.Width}x{driver.ScreenSize.Height}",
                    ["mode"] = model.Mode,
                },
            };
            var result = await runner.RunAsync(request, ct).ConfigureAwait(false);
            var run = result.Record;
            outcome = outcome with
            {
                Status = run.Status, Reason = run.Reason, Steps = run.Steps, ModelCalls = run.ModelCalls, Tokens = run.Tokens,
                RunFolder = result.Folder, Simulated = run.Simulated, Notes = model.Oracle?.Notes.ToArray() ?? [],
            };
        }

        try
        {
            return outcome with { Success = await JudgeAsync(driver, task.SuccessJs, ct).ConfigureAwait(false) };
        }
        catch (DriverException e)
        {
            return outcome with { Error = $"success_js could not be evaluated: {e.Message}" };
        }
    }

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
        return new AgentOptions
        {
            MaxSteps = task.MaxSteps ?? b.MaxSteps,
            MaxWallTime = task.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : options.DefaultTimeout,
            MaxModelCalls = b.MaxModelCalls, MaxConsecutiveFailures = b.MaxConsecutiveFailures,
            ContinueAfterFailedStep = b.ContinueAfterFailedStep || model.Mode == "model",
            StepRetries = b.StepRetries, ScrollToFind = b.ScrollToFind, MaxScrollsToFind = b.MaxScrollsToFind, ScrollFraction = b.ScrollFraction,
            SettleAfterAction = b.SettleAfterAction, RetryDelay = b.RetryDelay, WaitTimeout = b.WaitTimeout, PollInterval = b.PollInterval,
            FailWhenScreenUnchanged = b.FailWhenScreenUnchanged,
        };
    }

    private static PolicyOptions WithOrigin(PolicyOptions p, string url) => new()
    {
        AllowedOrigins = [.. p.AllowedOrigins, .. OriginOf(url)],
        AllowLocalhost = p.AllowLocalhost, RiskyWords = [.. p.RiskyWords], ConfirmPasswordTyping = p.ConfirmPasswordTyping,
        ConfirmUploads = p.ConfirmUploads, ConfirmLeavingOrigins = p.ConfirmLeavingOrigins,
    };

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

    /// <summary>success_js, evaluated by the app: truthy = success. A script error is a failure with its message.</summary>
    private static async Task<bool> JudgeAsync(PlaywrightDriver driver, string successJs, CancellationToken ct)
    {
        if (driver.PendingDialog is not null)
        {
            await driver.AnswerDialogAsync(accept: false, cancellationToken: ct).ConfigureAwait(false);
        }

        var json = await driver.EvaluateAsync($"(async () => !!(await ({successJs})))()", ct).ConfigureAwait(false);
        return json == "true";
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
