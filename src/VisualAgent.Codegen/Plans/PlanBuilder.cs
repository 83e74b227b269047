using System.Globalization;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Plans;

/// <summary>
/// Turns a recorded run into a <see cref="ScriptPlan"/>: each ok step becomes a script step with its ranked locators
/// (or its point and why), a failed run ends at the failure with a comment, a manual takeover becomes a pause, and a
/// run recorded before locators acts at its recorded points with a warning.
/// </summary>
public static class PlanBuilder
{
    private const string ManualTakeover = "manual takeover";

    public static ScriptPlan Build(RunDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var run = details.Run;
        var settings = run.Settings;
        var samplesBase = run.SamplesBaseOf();
        var dsf = settings.TryGetValue("device_scale_factor", out var d) && double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var dv) && dv > 0 ? dv : 1;
        var (width, height) = Viewport(run);
        var baseUrl = samplesBase ?? Origin(run.StartUrl) ?? FirstOpenOrigin(details.Steps);
        var warnings = new List<string>();
        var steps = new List<ScriptStep>();
        var secrets = new List<string>();
        string? stoppedAt = null;
        var coordinateSteps = new List<int>();
        foreach (var step in details.Steps)
        {
            if (step.Outcome is StepOutcome.Retry or StepOutcome.Skipped)
            {
                continue;
            }

            if (step.Outcome != StepOutcome.Ok)
            {
                stoppedAt = $"the run {(step.Outcome == StepOutcome.Blocked ? "was blocked" : "failed")} at step {step.Index} ({step.Description}): {step.Error}";
                break;
            }

            if (Map(step, baseUrl, dsf) is not { } mapped)
            {
                continue;
            }

            if (mapped.Point is not null && mapped.Locators.Count == 0 && mapped.Path is null && mapped.Verb is not (ScriptVerb.Scroll or ScriptVerb.Drag or ScriptVerb.TypeKeys or ScriptVerb.Press))
            {
                coordinateSteps.Add(step.Index);
            }

            if (mapped.Text is { HasSecret: true } text)
            {
                secrets.AddRange(text.Parts.Where(p => p.Secret).Select(p => p.Text).Where(n => !secrets.Contains(n, StringComparer.Ordinal)));
            }

            if (mapped.Verb == ScriptVerb.WaitDownload && steps.Count > 0)
            {
                steps[^1] = steps[^1] with { StartsDownload = true };
                mapped = mapped with { DownloadName = run.Downloads.Select(Path.GetFileName).FirstOrDefault() };
            }

            steps.Add(mapped);
        }

        if (stoppedAt is not null)
        {
            warnings.Add($"{stoppedAt}; the script ends there.");
        }
        else if (run.Status != RunStatus.Succeeded)
        {
            warnings.Add($"the run ended {run.Status.ToString().ToLowerInvariant()}: {run.Reason}");
        }

        if (coordinateSteps.Count > 0)
        {
            var old = details.Steps.All(s => s.Locators is null);
            warnings.Add(old
                ? $"this run was recorded without locators (an older format): step(s) {string.Join(", ", coordinateSteps)} act at recorded screen points, which break when the layout changes."
                : $"step(s) {string.Join(", ", coordinateSteps)} act at recorded screen points (no element to locate: see the comment at each).");
        }

        var start = run.StartUrl;
        var first = start ?? details.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Ok && s.Intent?.Verb == StepVerb.Open)?.Intent?.Value;
        var final = stoppedAt is null && run.Status == RunStatus.Succeeded && run.FinalUrl is { } f && !string.Equals(f, first, StringComparison.Ordinal) ? f : null;
        var desktop = run.Driver == "desktop";
        var appOutput = desktop && File.Exists(Path.Combine(details.Folder, "app-output.txt")) ? File.ReadAllText(Path.Combine(details.Folder, "app-output.txt")) : null;
        return new ScriptPlan
        {
            Desktop = desktop, Launch = desktop && settings.GetValueOrDefault("launch") is { Length: > 0 } launch ? launch : null, AppOutput = appOutput,
            RunId = run.Id, Goal = run.Goal, BaseUrl = baseUrl, UsesSamples = samplesBase is not null,
            StartUrl = start is null ? null : Relative(start, baseUrl) ?? start, StartRelative = start is not null && Relative(start, baseUrl) is not null,
            FinalUrl = final is null ? null : Relative(final, baseUrl) ?? final, FinalRelative = final is not null && Relative(final, baseUrl) is not null,
            ViewportWidth = width, ViewportHeight = height, Steps = steps, Secrets = secrets, Warnings = warnings, StoppedAt = stoppedAt,
        };
    }

    private static ScriptStep? Map(StepRecord step, string? baseUrl, double dsf)
    {
        var description = step.Description ?? step.Intent?.Source ?? "";
        if (description.StartsWith(ManualTakeover, StringComparison.Ordinal))
        {
            return new ScriptStep { Index = step.Index, Verb = ScriptVerb.Manual, Description = description };
        }

        var locators = step.Locators ?? [];
        (double, double)? point = step.Action?.Target is { } p ? (p.X / dsf, p.Y / dsf) : null;
        var why = locators.Count > 0 ? null : step.NoLocator ?? "recorded without locators (an older run format)";
        var basic = new ScriptStep { Index = step.Index, Verb = ScriptVerb.Click, Description = description, Locators = locators, Point = point, PointReason = why, Path = step.ElementPath };
        if (step.Intent is { } intent)
        {
            return intent.Verb switch
            {
                StepVerb.Open => basic with { Verb = ScriptVerb.Open, Url = Relative(intent.Value ?? "", baseUrl) ?? intent.Value, RelativeToBase = Relative(intent.Value ?? "", baseUrl) is not null, Locators = [], Point = null },
                StepVerb.Click => basic,
                StepVerb.DoubleClick => basic with { Verb = ScriptVerb.DoubleClick },
                StepVerb.RightClick => basic with { Verb = ScriptVerb.RightClick },
                StepVerb.Hover => basic with { Verb = ScriptVerb.Hover },
                StepVerb.Check => basic with { Verb = ScriptVerb.Check },
                StepVerb.Uncheck => basic with { Verb = ScriptVerb.Uncheck },
                StepVerb.Type => basic with
                {
                    Verb = ScriptVerb.Fill, Text = ScriptText.Parse(intent.Value ?? ""), Submit = intent.Submit, KeyByKey = TypingRule.KeyByKey(step, intent.Value ?? ""),
                    ExpectValue = step.Check is { Strength: CheckStrength.Strong, Held: true } && !(intent.Value ?? "").Contains("{{secret:", StringComparison.Ordinal) && !IsPassword(step) ? intent.Value : null,
                },
                StepVerb.Select => basic with { Verb = ScriptVerb.Select, Value = intent.Value },
                StepVerb.Press => basic with { Verb = ScriptVerb.Press, Keys = intent.Keys, Locators = [], Point = null },
                StepVerb.Scroll => basic with { Verb = ScriptVerb.Scroll, Amount = intent.Amount ?? (step.Action as ScrollAction)?.Dy ?? 0 },
                StepVerb.Upload => basic with { Verb = ScriptVerb.Upload, Value = intent.Value },
                StepVerb.WaitForText => basic with { Verb = ScriptVerb.WaitText, Text = ScriptText.Parse(intent.Value ?? ""), Locators = [], Point = null },
                StepVerb.WaitForDownload => basic with { Verb = ScriptVerb.WaitDownload, Locators = [], Point = null },
                StepVerb.Wait => basic with { Verb = ScriptVerb.Wait, Amount = intent.Amount ?? 1, Locators = [], Point = null },
                StepVerb.Verify => basic with { Verb = ScriptVerb.Verify, Text = ScriptText.Parse(intent.Value ?? ""), Locators = [], Point = null },
                StepVerb.Back => basic with { Verb = ScriptVerb.Back, Locators = [], Point = null },
                _ => null,
            };
        }

        return step.Action switch
        {
            ClickAction c => basic with
            {
                Verb = c.Button == MouseButton.Right ? ScriptVerb.RightClick : c.Count == 2 ? ScriptVerb.DoubleClick : ScriptVerb.Click,
                ClickCount = c.Count, MiddleButton = c.Button == MouseButton.Middle,
            },
            MoveAction => basic with { Verb = ScriptVerb.Hover },
            TypeAction t => basic with { Verb = ScriptVerb.TypeKeys, Text = ScriptText.Parse(t.Text), Submit = t.Submit, Locators = [], Point = null },
            KeyAction k => basic with { Verb = ScriptVerb.Press, Keys = k.Keys, Locators = [], Point = null },
            ScrollAction s => basic with { Verb = ScriptVerb.Scroll, Amount = s.Dy, Locators = [] },
            SelectAction s => basic with { Verb = ScriptVerb.Select, Value = s.Option },
            DragAction g => basic with { Verb = ScriptVerb.Drag, Point = (g.X / dsf, g.Y / dsf), Point2 = (g.X2 / dsf, g.Y2 / dsf), Locators = [], PointReason = "a drag is replayed between its recorded points" },
            WaitAction w => basic with { Verb = ScriptVerb.Wait, Amount = w.Seconds, Locators = [], Point = null },
            LongPressAction => throw new UnsupportedStepException(step.Index, "long_press", "any target"),
            _ => null,
        };
    }

    private static bool IsPassword(StepRecord step) => step.Element?.IsPassword == true;

    /// <summary>The path (with query) of a URL on the base origin, or null when it is elsewhere.</summary>
    private static string? Relative(string url, string? baseUrl)
    {
        if (baseUrl is null || !url.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = url[baseUrl.Length..];
        return rest.Length == 0 ? "/" : rest.StartsWith('/') ? rest : null;
    }

    private static string? Origin(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? u.GetLeftPart(UriPartial.Authority) : null;

    private static string? FirstOpenOrigin(IReadOnlyList<StepRecord> steps) =>
        steps.Where(s => s.Intent?.Verb == StepVerb.Open).Select(s => Origin(s.Intent!.Value)).FirstOrDefault(o => o is not null);

    private static (int, int) Viewport(RunRecord run) =>
        run.RecordedViewport() is { } size ? (size.Width, size.Height) : (1280, 720);
}
