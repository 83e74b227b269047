using Microsoft.Extensions.Configuration;
using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Replay;
using VisualAgent.Drivers.Web;
using VisualAgent.Hosting;
using VisualAgent.Runs;
using VisualAgent.Ui.Playground;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Runs;

/// <summary>
/// Runs and replays started from the pages, one browser job at a time (a second start while one works is refused with
/// what is working: the machine's cores and one browser are shared). A run goes through Hosting's <see cref="WebTask"/>
/// (as the MCP's run_task) with no terminal, so every risky step is denied and reported; a replay through
/// <see cref="ReplayRunner"/> (as `replay`). Secrets come only from the server's environment, never from the page.
/// </summary>
internal sealed class RunJobs(UiSettings settings, ModelStackCache models) : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private volatile string? _busy;
    private volatile string? _busyRun;

    private RunStore Store => new(settings.RunsFolder);

    /// <summary>
    /// Checks the task, starts it in the background and returns its run id once the run folder exists (the page then
    /// opens its live view). Anything wrong before the first step (bad URL, unknown profile, a secret not set, steps the
    /// offline grammar cannot read, another job working) is an error here and nothing is started.
    /// </summary>
    public async Task<string> StartAsync(TaskStartRequest body, CancellationToken ct)
    {
        var instruction = string.IsNullOrWhiteSpace(body.Instruction) ? throw ApiError.BadRequest("Type the steps to do, e.g. \"type alice into the Username field; click the Log in button\".") : body.Instruction.Trim();
        var url = CheckUrl(body.Url);
        var profile = string.IsNullOrWhiteSpace(body.Model) ? "offline" : body.Model.Trim();
        var grounder = string.IsNullOrWhiteSpace(body.Grounder) ? null : body.Grounder.Trim();
        if (body.MaxSteps is < 1 or > 1000)
        {
            throw ApiError.BadRequest($"The step bound {body.MaxSteps} is out of range: give 1..1000 (empty = Agent:MaxSteps).");
        }

        RequireSecrets(SecretResolver.Names(instruction), "This task types");
        await ClaimAsync($"a run of \"{Shorten(instruction)}\"", ct).ConfigureAwait(false);
        var released = false;
        try
        {
            var stack = await models.OpenAsync(profile, new ModelSettings(), ct).ConfigureAwait(false);
            var grounderStack = grounder is null ? null : await models.OpenAsync(grounder, new ModelSettings(), ct).ConfigureAwait(false);
            WebTask.Check(instruction, stack, grounderStack); // the reason goes to the page before any browser opens
            var options = settings.Configuration.GetSection("Agent").Get<AgentOptions>() ?? new AgentOptions();
            options = options with
            {
                MaxSteps = body.MaxSteps ?? options.MaxSteps,
                MaxTokensTotal = body.MaxTokensTotal ?? options.MaxTokensTotal,
                MaxCost = body.MaxCost ?? options.MaxCost,
            };
            options.Validate();
            var request = new WebTaskRequest
            {
                Instruction = instruction,
                Url = url,
                Models = stack,
                Grounder = grounderStack,
                Browser = BrowserOptions("visual-agent-downloads-"),
                Store = Store,
                Options = options,
                Policy = Policy(),
                Prompt = new DenyRiskyPrompt(), // no terminal: anything that needs a confirmation is denied, and the run says so
                Via = "ui",
                Loggers = settings.Loggers,
            };
            var created = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Created(string id)
            {
                _busyRun = id;
                created.TrySetResult(id);
            }

            var job = Task.Run(() => WebTask.RunAsync(request with { RunCreated = Created }, _stopping.Token));
            released = true; // from here the job releases the slot when it ends
            _ = job.ContinueWith(
                t =>
                {
                    Release();
                    if (t.Exception?.GetBaseException() is { } error)
                    {
                        created.TrySetException(error);
                    }
                    else
                    {
                        created.TrySetException(new ApiError(500, "The run ended before its folder was written."));
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return await created.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            if (!released)
            {
                Release();
            }

            throw;
        }
    }

    /// <summary>The same instruction, URL, profiles and budgets as run <paramref name="id"/>, as a new run.</summary>
    public Task<string> RerunAsync(string id, CancellationToken ct)
    {
        var run = new RunReader(Store).Load(id).Run;
        if (run.Driver != "web")
        {
            throw ApiError.BadRequest($"The run {run.Id} was recorded on the {run.Driver}: re-run it with `visual-agent run --desktop` on that display.");
        }

        if (run.Model.StartsWith("sk:", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiError.BadRequest($"The run {run.Id} was planned through a Semantic Kernel ({run.Model}): re-run it with `visual-agent run --planner {run.Model.Split('+')[0]}`.");
        }

        var parts = run.Model.Split('+', 2);
        var samples = run.Settings.GetValueOrDefault(RunSettingKeys.SamplesBase);
        return StartAsync(new TaskStartRequest(
            Unsamples(run.Goal, samples),
            run.StartUrl is null ? null : Unsamples(run.StartUrl, samples),
            parts[0],
            parts.Length > 1 ? parts[1] : null,
            null,
            run.Budget?.TryGetValue("max_tokens_total", out var tokens) == true ? (long)tokens : null,
            run.Budget?.TryGetValue("max_cost", out var cost) == true ? cost : null), ct);
    }

    /// <summary>Replays run <paramref name="id"/> by its recorded locators (no model call) and returns the per-step report.</summary>
    public async Task<object> ReplayAsync(string id, string? heal, CancellationToken ct)
    {
        var mode = WebReplay.ParseHeal(heal, "heal mode");
        var details = new RunReader(Store).Load(id);
        if (details.Run.Driver != "web")
        {
            throw ApiError.BadRequest($"The run {details.Run.Id} was recorded on the {details.Run.Driver}: replay it with `visual-agent replay {details.Run.Id}` on that display.");
        }

        RequireSecrets(WebReplay.MissingSecrets(details, Environment.GetEnvironmentVariable), "This run typed");
        await ClaimAsync($"a replay of {details.Run.Id}", ct).ConfigureAwait(false);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
            var options = BrowserOptions("visual-agent-replay-");
            var viewport = WebReplay.Viewport(details, new(options.ViewportWidth, options.ViewportHeight), options.DeviceScaleFactor, null, null, "viewport");
            await using var session = await BrowserSession.OpenAsync(options.With(viewport.Size.Width, viewport.Size.Height, viewport.DeviceScaleFactor), WebReplay.NeedsSamples(details, null) ? "samples:" : null, settings.Loggers, navigate: false, linked.Token).ConfigureAwait(false);
            var request = WebReplay.Request(mode, null, session.SamplesBaseUrl, Policy(), Environment.GetEnvironmentVariable, viewport);
            var report = await new ReplayRunner(session.Driver).RunAsync(details, request, linked.Token).ConfigureAwait(false);
            return new
            {
                run = report.RunId,
                succeeded = report.Succeeded,
                reason = report.Reason,
                heal = mode.ToString().ToLowerInvariant(),
                model_calls = report.ModelCalls,
                cache_hits = report.CacheHits,
                healed = report.HealedSteps,
                replay_ms = Math.Round(report.TotalMs),
                viewport = viewport.Summary(),
                original_ms = Math.Round(report.OriginalMs),
                original_model_calls = report.OriginalModelCalls,
                diff = report.DiffPath is null ? null : Path.GetFileName(report.DiffPath),
                applied = report.Applied,
                // The crop as a path inside the run folder (served by /api/runs/ID/file), never a path of the server's disk.
                steps = report.Steps.Select(s => new { index = s.Index, description = s.Description, how = s.How, healed = s.Healed, ok = s.Ok, error = s.Error, ms = Math.Round(s.Ms), crop = s.Crop }),
            };
        }
        finally
        {
            Release();
        }
    }

    /// <summary>http(s)://HOST/... or samples:PATH (the bundled sample apps); nothing else (no files of the server's disk).</summary>
    internal static string CheckUrl(string? url)
    {
        var given = url?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            throw ApiError.BadRequest("Give the URL of the page to start on: http(s)://host/path, or samples:PATH for the bundled sample apps (e.g. samples:login/).");
        }

        if (given.StartsWith("samples:", StringComparison.OrdinalIgnoreCase))
        {
            return given;
        }

        if (!Uri.TryCreate(given, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            throw ApiError.BadRequest($"'{given}' is not a URL the agent can open from here: give http(s)://host/path (e.g. http://127.0.0.1:5080/login/) or samples:PATH (e.g. samples:login/).");
        }

        return uri.AbsoluteUri;
    }

    /// <summary>A recorded samples-server URL (its port is gone) back to samples:PATH, so the new run starts a samples server of its own.</summary>
    private static string Unsamples(string text, string? samplesBase) =>
        samplesBase is null ? text : text.Replace(samplesBase.TrimEnd('/') + "/", "samples:", StringComparison.Ordinal).Replace(samplesBase.TrimEnd('/'), "samples:", StringComparison.Ordinal);

    private static void RequireSecrets(IEnumerable<string> names, string what)
    {
        var missing = names.Where(n => Environment.GetEnvironmentVariable(n) is not { Length: > 0 }).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing);
            throw ApiError.BadRequest($"{what} the secret{(missing.Count == 1 ? "" : "s")} {list}, which the UI server's environment does not have. Secrets are never asked for in the browser: stop `visual-agent ui`, set {list} in its environment (e.g. {missing[0]}=... visual-agent ui) and start it again. Nothing was done.");
        }
    }

    private async Task ClaimAsync(string what, CancellationToken ct)
    {
        if (!_slot.Wait(0))
        {
            // A run whose run.json says it ended is only closing its browser: worth a short wait rather than a refusal.
            var closing = _busyRun is { } run && Ended(run);
            if (!closing || !await _slot.WaitAsync(TimeSpan.FromSeconds(20), ct).ConfigureAwait(false))
            {
                throw ApiError.Conflict($"The UI is already busy with {_busy ?? "another run"}: one run or replay at a time. Wait for it to end (its live view shows when), then start this one.");
            }
        }

        _busy = what;
        _busyRun = null;
    }

    private void Release()
    {
        _busy = null;
        _busyRun = null;
        _slot.Release();
    }

    private bool Ended(string id)
    {
        try
        {
            return new RunReader(Store).Load(id).Run.Status != RunStatus.Running;
        }
        catch (Exception ex) when (ex is Errors.VisualAgentException or IOException or System.Text.Json.JsonException)
        {
            return false; // unreadable mid-rewrite: treat it as still running
        }
    }

    private BrowserOptions BrowserOptions(string downloadsPrefix)
    {
        var options = settings.Configuration.GetSection(Drivers.Web.BrowserOptions.SectionName).Get<BrowserOptions>() ?? new BrowserOptions();
        options.DownloadsDir ??= Path.Combine(Path.GetTempPath(), downloadsPrefix + Guid.NewGuid().ToString("N")[..8]);
        options.Validate();
        return options;
    }

    private PolicyOptions Policy() => settings.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions();

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _slot.Dispose();
    }
}

/// <summary>A task started from the page: steps (or a goal for a model profile), the start URL, the profiles and bounds.</summary>
public sealed record TaskStartRequest(string? Instruction, string? Url, string? Model, string? Grounder, int? MaxSteps, long? MaxTokensTotal, double? MaxCost);

/// <summary>Replay a run: heal off, propose (default) or apply.</summary>
public sealed record ReplayStartRequest(string? Heal);
