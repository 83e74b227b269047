using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Grounding;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>
/// The agent loop: observe -> decide -> ground -> check policy -> act -> verify -> record, until the planner says
/// done (succeeded), a bound or an error stops it (failed) or the policy refuses a step (blocked). Every step is on
/// disk when it ends; Ctrl-C (the token) ends the run as failed with reason "interrupted". Whatever ends a run (a bug
/// included) leaves run.json and report.html saying how it ended.
/// </summary>
public sealed partial class AgentRunner
{
    public const string InterruptedReason = "interrupted";

    /// <summary>The start of the reason of a run ended by a bug (the exception then reaches the caller: exit code 70).</summary>
    public const string InternalErrorReason = "internal error";

    private readonly IUiDriver _driver;
    private readonly IPlanner _planner;
    private readonly IGrounder _grounder;
    private readonly RunStore _store;
    private readonly AgentOptions _options;
    private readonly PolicyOptions _policy;
    private readonly IConfirmationPrompt _prompt;
    private readonly SecretResolver _secrets;
    private readonly IScreenshotMasker? _screenshotMasker;
    private readonly IScreenChangeDetector _screenChange;
    private readonly IScreenshotAnnotator? _annotator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="driver">The browser the run acts on (the caller owns and disposes it).</param>
    /// <param name="planner">Decides each step: <see cref="Offline.OfflinePlanner"/> or a model planner.</param>
    /// <param name="grounder">Places described targets: the OCR grounder ("ocr") or a grounding model.</param>
    /// <param name="store">Where the run folder goes.</param>
    /// <param name="options">Bounds of the loop; default <see cref="AgentOptions"/>.</param>
    /// <param name="policy">The safety policy's settings; default <see cref="PolicyOptions"/>.</param>
    /// <param name="prompt">Asks about risky steps; default <see cref="DenyRiskyPrompt"/> (never waits).</param>
    /// <param name="secrets">Resolves {{secret:NAME}}; its masker masks everything the run writes. Default: environment variables.</param>
    /// <param name="screenshotMasker">Blanks password fields and fields holding a secret in saved screenshots; without it such screenshots are not saved.</param>
    /// <param name="screenChange">Measures screen change for verification; default <see cref="ByteEqualityChangeDetector"/>.</param>
    /// <param name="annotator">Draws the acted point for shots/NNN.annotated.png; without it the report marks the point itself.</param>
    public AgentRunner(
        IUiDriver driver,
        IPlanner planner,
        IGrounder grounder,
        RunStore store,
        AgentOptions? options = null,
        PolicyOptions? policy = null,
        IConfirmationPrompt? prompt = null,
        SecretResolver? secrets = null,
        IScreenshotMasker? screenshotMasker = null,
        IScreenChangeDetector? screenChange = null,
        IScreenshotAnnotator? annotator = null,
        TimeProvider? timeProvider = null,
        ILogger<AgentRunner>? logger = null)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _planner = planner ?? throw new ArgumentNullException(nameof(planner));
        _grounder = grounder ?? throw new ArgumentNullException(nameof(grounder));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new AgentOptions();
        _options.Validate();
        _policy = policy ?? new PolicyOptions();
        _policy.Validate();
        _prompt = prompt ?? new DenyRiskyPrompt();
        _secrets = secrets ?? new SecretResolver(new SecretMasker());
        _screenshotMasker = screenshotMasker;
        _screenChange = screenChange ?? new ByteEqualityChangeDetector();
        _annotator = annotator;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Called after each step is on disk, with secrets masked (progress display).</summary>
    public Action<StepRecord>? StepRecorded { get; init; }

    /// <summary>Called once the run folder exists, with the run's id (a page that shows the run live can open it then).</summary>
    public Action<string>? RunCreated { get; init; }

    /// <summary>Pauses between steps on request (Ctrl-C at a terminal); default <see cref="NoPauseController"/>.</summary>
    public IPauseController Pause { get; init; } = NoPauseController.Instance;

    /// <summary>Runs to the end and returns the final run.json; never throws for a failed, blocked or interrupted run.</summary>
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_options.MaxCost is not null && request.Price?.IsKnown != true)
        {
            throw new UsageException($"A cost budget (--max-cost, Agent:MaxCost) needs the model's price: set Models:{request.Model}:Price (PerMillionInput and PerMillionOutput, or PerGpuHour), or give --max-tokens-total instead.");
        }

        var startedAt = _time.GetUtcNow();
        var initial = new RunRecord
        {
            Id = _store.NewId(startedAt, request.Goal),
            Goal = request.Goal,
            StartUrl = request.StartUrl,
            Model = request.Model,
            Driver = request.Driver,
            Simulated = request.Simulated,
            Settings = request.Settings,
            StartedAt = startedAt,
            Budget = Budget(_options),
        };
        await using var writer = await _store.CreateAsync(initial, _secrets.Masker, cancellationToken).ConfigureAwait(false);
        Log.RunStarted(_logger, initial.Id, writer.Folder);
        RunCreated?.Invoke(writer.Id);
        var run = new RunContext
        {
            Driver = _driver, Grounder = _grounder, Policy = new SafetyPolicy(_policy, request.StartUrl), Prompt = _prompt,
            Secrets = _secrets, Writer = writer, Options = _options, Time = _time, ScreenChange = _screenChange, Logger = _logger,
            Dialogs = new DialogPlan(_planner as IStepPreview), GroundThroughElements = request.GroundThroughElements,
            ScreenshotMasker = _screenshotMasker,
        };
        var loop = new LoopState(request, run, writer, initial, _time.GetTimestamp());
        using var wall = new CancellationTokenSource(_options.MaxWallTime, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wall.Token);
        ExceptionDispatchInfo? crash = null;
        var guard = _driver as IRequestGuard;
        try
        {
            if (guard is not null)
            {
                await guard.SetRequestGuardAsync(r => run.Policy.RequestVerdict(r, run.SecretTyped), linked.Token).ConfigureAwait(false);
            }

            await LoopAsync(loop, wall, linked.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            loop.End(RunStatus.Failed, InterruptedReason, FailureCause.Interrupted);
        }
        catch (OperationCanceledException) when (wall.IsCancellationRequested)
        {
            loop.End(RunStatus.Failed, $"the wall time limit ({_options.MaxWallTime}) was reached", FailureCause.Limit);
        }
        catch (PolicyBlockedException e)
        {
            loop.End(RunStatus.Blocked, e.Message);
        }
        catch (VisualAgentException e)
        {
            loop.End(RunStatus.Failed, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: the run still ends on disk (failed, "internal error"), then the exception goes on to the caller.
            loop.End(RunStatus.Failed, $"{InternalErrorReason}: {e.GetType().Name}: {e.Message}", FailureCause.Error);
            crash = ExceptionDispatchInfo.Capture(e);
        }

        var finalShot = crash is null ? await SaveFinalShotAsync(run, writer).ConfigureAwait(false) : null;
        await RemoveRequestGuardAsync(guard).ConfigureAwait(false);
        var final = loop.Snapshot(_time) with { EndedAt = _time.GetUtcNow(), FinalScreenshot = finalShot, FinalUrl = crash is null ? FinalUrl(run) : null };
        await writer.WriteRunAsync(final, CancellationToken.None).ConfigureAwait(false);
        await writer.WriteReportAsync(CancellationToken.None).ConfigureAwait(false);
        Log.RunEnded(_logger, final.Id, final.Status.ToString(), _secrets.Masker.Apply(final.Reason));
        crash?.Throw();
        return new RunResult(writer.Run ?? final, writer.Folder);
    }

    /// <summary>Where the run ended (web), or null: no page, a closed browser, or an address that holds a secret (never recorded).</summary>
    private string? FinalUrl(RunContext run)
    {
        try
        {
            return run.Navigation?.CurrentUrl is { Length: > 0 } url && string.Equals(_secrets.Masker.Apply(url), url, StringComparison.Ordinal) ? url : null;
        }
        catch (VisualAgentException)
        {
            return null;
        }
    }

    /// <summary>The guard belongs to this run: a later run on the same driver sets its own.</summary>
    private static async Task RemoveRequestGuardAsync(IRequestGuard? guard)
    {
        try
        {
            if (guard is not null)
            {
                await guard.SetRequestGuardAsync(null, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is VisualAgentException or InvalidOperationException)
        {
            // The browser is gone; so is its guard.
        }
    }

    /// <summary>The screen as the run ended, masked like every step shot; null when it cannot be captured in a few seconds.</summary>
    private async Task<string?> SaveFinalShotAsync(RunContext run, RunWriter writer)
    {
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            if ((_driver as INativeDialogs)?.PendingDialog is not null)
            {
                return null;
            }

            var shot = await run.CaptureAsync(bound.Token).ConfigureAwait(false);
            return run.CurrentUnmasked ? null : await writer.SaveFinalShotAsync(shot.Png, bound.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VisualAgentException or OperationCanceledException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The budgets as run.json records them; null when there are none.</summary>
    private static Dictionary<string, double>? Budget(AgentOptions options)
    {
        var budget = new Dictionary<string, double>(StringComparer.Ordinal);
        if (options.MaxTokensTotal is { } tokens)
        {
            budget["max_tokens_total"] = tokens;
        }

        if (options.MaxCost is { } cost)
        {
            budget["max_cost"] = cost;
        }

        return budget.Count > 0 ? budget : null;
    }

    /// <summary>Why the run must stop before its next step because a budget is used up, or null. Checked between steps: a step is never cut half-way.</summary>
    private string? BudgetUsedUp(LoopState loop)
    {
        var tokens = loop.Run.Tokens.TotalTokens;
        if (_options.MaxTokensTotal is { } maxTokens && tokens >= maxTokens)
        {
            return $"the token budget ({maxTokens} tokens, --max-tokens-total) is used up: {tokens} tokens after {loop.Index} step(s) and {loop.Run.ModelCalls} model call(s)";
        }

        if (_options.MaxCost is { } maxCost && loop.Cost is { } cost && cost >= maxCost)
        {
            return $"the cost budget ({maxCost.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}, --max-cost) is used up: {cost.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} after {loop.Index} step(s) and {loop.Run.ModelCalls} model call(s)";
        }

        return null;
    }

    /// <param name="wall">The wall-time bound, pushed back by the time spent paused.</param>
    /// <param name="cancellationToken">The run's token (wall time or Ctrl-C).</param>
    /// <param name="interrupt">Ctrl-C alone: a pause waits on this, not on the wall time.</param>
    private async Task LoopAsync(LoopState loop, CancellationTokenSource wall, CancellationToken cancellationToken, CancellationToken interrupt)
    {
        if (loop.Request.StartUrl is { } start && !loop.Request.StartUrlOpened)
        {
            await (_driver as INavigation ?? throw new UsageException("A start URL needs a browser driver.")).NavigateAsync(start, cancellationToken).ConfigureAwait(false);

            // A dialog the start page opens as it loads is answered by the plan's first steps (or per policy), not a failure.
            var opened = new StepTrace();
            await new Actor(loop.Run).AfterNavigationAsync(opened, cancellationToken).ConfigureAwait(false);
            loop.Run.CarriedNotes.AddRange(opened.Notes.Select(n => "as the start page loaded: " + n));
        }

        while (loop.Status == RunStatus.Running)
        {
            if (loop.Run.ModelCalls >= _options.MaxModelCalls)
            {
                loop.End(RunStatus.Failed, $"the model call limit ({_options.MaxModelCalls}) was reached", FailureCause.Limit);
                return;
            }

            if (BudgetUsedUp(loop) is { } spent)
            {
                loop.End(RunStatus.Failed, spent, FailureCause.Budget);
                return;
            }

            if (Pause.PauseRequested)
            {
                await PauseAsync(loop, wall, interrupt).ConfigureAwait(false);
                if (loop.Status != RunStatus.Running)
                {
                    return;
                }
            }

            await StepAsync(loop, cancellationToken).ConfigureAwait(false);
            loop.Writer.QueueRunWrite(loop.Snapshot(_time));
        }
    }
}
