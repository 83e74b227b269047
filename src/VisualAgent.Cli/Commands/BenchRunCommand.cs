using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Reports;
using VisualAgent.Bench.Runner;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;
using VisualAgent.Cli.Hosting;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Hosting.ServingCheck;
using VisualAgent.Models.Profiles;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent bench run`: a suite over several models side by side, resumable, with reports.</summary>
internal static class BenchRunCommand
{
    private static readonly Option<string?> SuiteOption = new("--suite", "-s") { Description = $"A built-in suite ({string.Join(", ", SuiteLocator.BuiltInIds)}) or a suite file (format detected from content)." };
    private static readonly Option<string?> ModelsOption = new("--models", "-m") { Description = "Model profiles, comma-separated (ocr, sim-<dialect>, or configured names)." };
    private static readonly Option<string?> ImagesOption = new("--images") { Description = "Images folder (default: images/ beside the suite file, or its folder)." };
    private static readonly Option<int?> LimitOption = new("--limit") { Description = "Only the first N valid samples." };
    private static readonly Option<int?> ConcurrencyOption = new("--concurrency", "-k") { Description = "Samples in flight per model (default Bench:Concurrency, 4), bounded by each profile's MaxConcurrency." };
    private static readonly Option<string?> OutOption = new("--out", "-o") { Description = "Output folder (default Bench:Output/<suite>); a rerun with the same folder skips what is done." };
    private static readonly Option<string?> BboxOption = new("--bbox-format") { Description = "Grounding bbox: xyxy or xywh (default: xyxy when img_size is present, else xywh)." };
    private static readonly Option<string?> PresetOption = new("--preset") { Description = "A named comparison: brief-comparison (Qwen3-VL, LLaVA-1.5, MiniGPT-v2, BLIP-2, InstructBLIP over captions, VQA, refexp, multi-image)." };

    private static readonly Option<string?> InstructionsOption = new("--instructions") { Description = "Task suites: give the agent each task's instruction (default) or its solution steps (a task without a solution is not run)." };

    private static readonly Option<bool> NoCheckOption = new("--no-check") { Description = "Skip the serving self-check that runs first for each real vision-language model profile (see doctor --check-model)." };

    private static readonly Option<string?> JudgeOption = new("--judge") { Description = "Captions: a chat model profile that rates each caption 1-5 (reported apart from BLEU-4; sim-<dialect> answers from BLEU, labelled simulated)." };

    public static Command Create()
    {
        BboxOption.AcceptOnlyFromAmong("xyxy", "xywh");
        InstructionsOption.AcceptOnlyFromAmong("instruction", "solution");
        var command = new Command("run", "Run a suite over several models: scores with 95 % intervals, per-group breakdowns, latency, tokens, cost; summary.json, CSV, summary.md, report.html.\n"
            + "Example: visual-agent bench run --suite grounding-samples --models ocr,sim-qwen3-vl,sim-ui-tars --out bench-out/grounding");
        foreach (var option in new Option[] { SuiteOption, ModelsOption, ImagesOption, LimitOption, ConcurrencyOption, OutOption, BboxOption, PresetOption, InstructionsOption, JudgeOption, NoCheckOption, CommonOptions.Json })
        {
            command.Options.Add(option);
        }

        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var config = context.Configuration;
        var profiles = ModelProfiles.FromConfiguration(config);
        var preset = context.Get(PresetOption) is { } presetName ? BenchPreset.Get(presetName) : null;
        var models = Split(context.Get(ModelsOption)) is { Count: > 0 } given ? given : preset?.Models ?? [];
        var suites = preset?.Suites ?? (context.Get(SuiteOption) is { } s ? [s] : throw new UsageException("Give --suite (a built-in id or a file) or --preset."));
        if (preset is not null && context.Get(SuiteOption) is not null)
        {
            throw new UsageException("--preset chooses the suites itself: drop --suite.");
        }

        var modelOptions = new BenchModelOptions
        {
            OcrOptions = config.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions(),
            GrounderOptions = config.GetSection("Ocr:Grounder").Get<OcrGrounderOptions>() ?? new OcrGrounderOptions(),
        };
        if (preset is not null)
        {
            foreach (var problem in await BenchPreset.PreflightAsync(models, profiles, modelOptions.ProbeTimeout, ct).ConfigureAwait(false))
            {
                CliOutput.Warn(problem);
            }
        }

        if (!context.Get(NoCheckOption) && await CheckServingAsync(context, models, profiles, ct).ConfigureAwait(false) is { } stop)
        {
            return stop;
        }

        var outRoot = context.Get(OutOption) ?? Path.Combine(config["Bench:Output"] ?? "bench-out", preset?.Name ?? "");
        var results = new List<BenchRunResult>();
        foreach (var suite in suites)
        {
            var options = new BenchRunOptions
            {
                Suite = suite,
                Models = models,
                OutDir = Path.GetFullPath(preset is not null || context.Get(OutOption) is null ? Path.Combine(outRoot, SuiteName(suite)) : outRoot),
                ImagesDir = context.Get(ImagesOption),
                Limit = context.Get(LimitOption),
                Concurrency = context.Get(ConcurrencyOption) ?? (int.TryParse(config["Bench:Concurrency"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : 4),
                BboxCorners = context.Get(BboxOption) switch { "xyxy" => true, "xywh" => false, _ => null },
                Profiles = profiles,
                BrowserOptions = config.GetSection(BrowserOptions.SectionName).Get<BrowserOptions>() ?? new BrowserOptions(),
                ModelOptions = modelOptions,
                Judge = context.Get(JudgeOption),
                Instructions = context.Get(InstructionsOption) == "solution" ? TaskInstructions.Solution : TaskInstructions.Instruction,
            };
            results.Add(await RunWithProgressAsync(options, ct).ConfigureAwait(false));
        }

        foreach (var result in results)
        {
            Print(result, context.Json);
        }

        return results.All(r => r.Summary.Models.All(m => m.Outcome == ModelRunStatus.Unreachable)) ? ExitCodes.ModelUnavailable
            : results.Any(r => r.Summary.Models.Any(m => m.Outcome == ModelRunStatus.Failed)) ? ExitCodes.TaskFailed
            : ExitCodes.Success;
    }

    /// <summary>
    /// The serving self-check of each real vision-language model profile before any sample is run: a misconfigured
    /// server would only score low, silently, so the run stops there with what to set (exit 1). An inconclusive check
    /// is a warning; an unreachable endpoint is left to the bench, which reports it. Simulated profiles are skipped
    /// (their server answers the way the profile reads by construction).
    /// </summary>
    private static async Task<int?> CheckServingAsync(VerbContext context, IReadOnlyList<string> models, ModelProfiles profiles, CancellationToken ct)
    {
        var results = await ServingPreflight.RunAsync(
            models, profiles, (name, c) => ModelStacks.OpenAsync(context, name, c), ownsStacks: true,
            starting: name => CliOutput.Info($"serving self-check of {name} (--no-check skips it) ..."), ct).ConfigureAwait(false);
        foreach (var result in results)
        {
            if (result.Report is { } report)
            {
                ServingCheckOutput.Print(report, CliOutput.Err);
            }
            else if (result.Error is { } error)
            {
                CliOutput.Warn($"the serving self-check of {result.Profile} could not run ({error}); the bench goes on and reports the model's errors.");
            }
        }

        if (results.FirstOrDefault(r => r.Stops) is { } stop)
        {
            CliOutput.Error($"bench run stopped before the first sample: {stop.Profile} is misconfigured (fix it, or pass --no-check to score it as it is).");
            return ExitCodes.TaskFailed;
        }

        return null;
    }

    private static string SuiteName(string suite) => SuiteLocator.IsBuiltIn(suite) ? suite.ToLowerInvariant() : Path.GetFileNameWithoutExtension(suite);

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Runs one suite with progress: a Spectre progress bar per model at a terminal, plain lines with ETA otherwise.</summary>
    private static async Task<BenchRunResult> RunWithProgressAsync(BenchRunOptions options, CancellationToken ct)
    {
        CliOutput.Info($"bench run {options.Suite} -> {options.OutDir}");
        if (!CliOutput.Interactive)
        {
            var plain = new SyncProgress(p => CliOutput.Info(p.ToString()));
            return await BenchRunner.RunAsync(options, plain, ct).ConfigureAwait(false);
        }

        BenchRunResult? result = null;
        await CliOutput.Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SyncProgress(p =>
                {
                    if (p.Total == 0 || p.AboutSuite)
                    {
                        CliOutput.Info(p.ToString());
                        return;
                    }

                    lock (bars)
                    {
                        if (!bars.TryGetValue(p.Model, out var bar))
                        {
                            bar = bars[p.Model] = ctx.AddTask(Markup.Escape(p.Model + (p.Simulated ? " (simulated)" : "")), maxValue: p.Total);
                        }

                        bar.Value = p.Done;
                        if (p.Message is not null)
                        {
                            bar.Description = Markup.Escape($"{p.Model}: {p.Message}");
                        }

                        if (p.Finished)
                        {
                            bar.StopTask();
                        }
                    }
                });
                result = await BenchRunner.RunAsync(options, progress, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    private static void Print(BenchRunResult result, bool json)
    {
        var summary = result.Summary;
        if (json)
        {
            CliOutput.WriteJson(summary);
            return;
        }

        var tasks = summary.FalseSuccesses is not null;
        var table = new Table().Title(Markup.Escape($"{summary.Suite} ({summary.Kind}{(summary.Mode is { } mode ? ", " + mode + "s" : "")}): {summary.Metric}"))
            .AddColumns(["model", "status", "score", "95 % CI", "n", .. tasks ? (string[])["false successes", "false failures"] : [], "p50 ms", "p95 ms", "failures"]);
        foreach (var m in summary.Models)
        {
            table.AddRow([
                Markup.Escape(m.Model) + (m.Simulated ? " [yellow](simulated)[/]" : ""),
                Markup.Escape(m.Status),
                m.Score is { } score ? $"[bold]{score.ToString("0.000", CultureInfo.InvariantCulture)}[/]" : "-",
                m.Ci95 is [var lo, var hi] ? string.Create(CultureInfo.InvariantCulture, $"[{lo:0.000}, {hi:0.000}]").Replace("[", "[[", StringComparison.Ordinal).Replace("]", "]]", StringComparison.Ordinal) : "",
                m.N.ToString(CultureInfo.InvariantCulture),
                .. tasks ? (string[])[m.FalseSuccesses > 0 ? $"[bold red]{m.FalseSuccesses}[/]" : "0", (m.FalseFailures ?? 0).ToString(CultureInfo.InvariantCulture)] : [],
                m.LatencyMs?.P50.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                m.LatencyMs?.P95.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(string.Join(", ", m.Failures.Select(f => $"{f.Key} {f.Value}")))]);
        }

        CliOutput.Out.Write(table);
        foreach (var m in summary.Models.Where(m => m.Message is not null))
        {
            CliOutput.Warn($"{m.Model}: {m.Message}");
        }

        foreach (var bad in summary.BadInput.Take(20))
        {
            CliOutput.Warn($"bad input {bad.Id}: {bad.Reason} (not scored for any model)");
        }

        foreach (var issue in summary.InputIssues.Take(20))
        {
            CliOutput.Warn($"skipped input {issue}");
        }

        if (summary.InputIssues.Count > 20)
        {
            CliOutput.Warn($"... and {summary.InputIssues.Count - 20} more skipped entries (summary.json lists them all)");
        }

        if (summary.Rule is { } rule)
        {
            CliOutput.Info(rule);
        }

        foreach (var warning in summary.Warnings)
        {
            CliOutput.Warn(warning);
        }

        CliOutput.Out.MarkupLine($"reports: [link]{Markup.Escape(Path.Combine(result.OutDir, "report.html"))}[/] (and summary.json, summary.md, models.csv, groups.csv, samples.csv, results/)");
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool out of order).</summary>
    private sealed class SyncProgress(Action<BenchProgress> report) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value) => report(value);
    }
}
