using VisualAgent.Bench.Reports;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Simulator.Samples;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// `bench run`: loads the suite, runs each model over its samples (model after model, K samples in flight), appends
/// each result to results/&lt;model&gt;.jsonl as it finishes, then writes summary.json, CSV tables, summary.md and
/// report.html. Resumable: (model, sample) pairs already in the results under the sample's current key are skipped
/// (transient errors are run again). One run at a time per output folder (<see cref="OutputLock"/>). An unreachable
/// model stops with a message and the others go on; a model lacking the suite's ability is reported "not supported";
/// a model none of whose samples succeeded is reported "failed".
/// </summary>
public static class BenchRunner
{
    public static async Task<BenchRunResult> RunAsync(BenchRunOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var profiles = options.Models.Select(options.ResolveProfile).ToList();
        var note = progress is null ? null : new Progress<string>(m => progress.Report(BenchProgress.ForSuite(m)));
        var path = await SuiteLocator.ResolveAsync(options.Suite, options.CacheRoot, options.Browser, note, cancellationToken).ConfigureAwait(false);
        var loaded = SuiteFileLoader.Load(path, options.ImagesDir, options.BboxCorners);
        if (options.Only is { } only)
        {
            var missing = only.Where(id => loaded.Samples.All(s => s.Id != id)).ToList();
            if (missing.Count > 0)
            {
                throw new UsageException($"The suite {loaded.Name} has no sample {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
            }

            loaded = loaded with { Samples = [.. loaded.Samples.Where(s => only.Contains(s.Id, StringComparer.Ordinal))] };
        }

        var suite = options.Limit is { } limit ? loaded with { Samples = [.. loaded.Samples.Take(limit)] } : loaded;
        if (SuiteLocator.IsBuiltIn(options.Suite))
        {
            suite = suite with { Name = options.Suite.ToLowerInvariant() };
        }

        Directory.CreateDirectory(options.OutDir);
        using var outputLock = OutputLock.Acquire(options.OutDir);
        var modelOptions = options.ModelOptions;
        await using var tasks = suite.Kind == SuiteKind.Tasks ? await TaskEnvironment.StartAsync(options, suite, cancellationToken).ConfigureAwait(false) : null;
        await using var judge = options.Judge is { } judgeName && suite.Kind == SuiteKind.Caption
            ? await CaptionJudge.CreateAsync(options.ResolveProfile(judgeName), modelOptions, cancellationToken).ConfigureAwait(false)
            : null;
        if (judge?.Stopped is { } unreachable)
        {
            progress?.Report(BenchProgress.ForSuite("warning: " + unreachable));
        }

        var keys = ModelRun.Keys(suite, options);
        var outcomes = new List<(ModelRunInfo, IReadOnlyCollection<SampleResult>)>();
        foreach (var profile in profiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var store = ResultStore.Open(options.OutDir, profile.Name);
            var info = await ModelRun.RunAsync(profile, suite, keys, store, options, tasks?.Template(options.OutDir), judge, progress, cancellationToken).ConfigureAwait(false);
            outcomes.Add((info, store.Current(keys)));
        }

        var judgeInfo = options.Judge is null ? null : new JudgeRunInfo(judge?.Profile ?? options.Judge, judge?.Simulated ?? false, judge is null ? "the judge rates captions only; this suite is not a caption suite" : judge.Stopped);
        var summary = BenchSummarizer.Summarize(suite, outcomes, options.Time.GetUtcNow(), judgeInfo, options.Instructions);
        var files = await BenchReportWriter.WriteAsync(options.OutDir, summary, suite, outcomes.SelectMany(o => o.Item2).ToList(), options.WriteHtml, cancellationToken).ConfigureAwait(false);
        return new BenchRunResult(options.OutDir, suite, summary, files);
    }

    /// <summary>
    /// The browser, the samples server and the static server of the suite's local pages that a task suite needs,
    /// started once for all models.
    /// </summary>
    private sealed class TaskEnvironment : IAsyncDisposable
    {
        private PlaywrightBrowser? _owned;
        private SamplesServer? _samples;
        private SamplesServer? _files;
        private LocalPages? _pages;
        private TesseractOcr? _ocr;

        public required PlaywrightBrowser Browser { get; init; }

        public required BenchRunOptions Options { get; init; }

        public static async Task<TaskEnvironment> StartAsync(BenchRunOptions options, LoadedSuite suite, CancellationToken ct)
        {
            var owned = options.Browser is null ? await PlaywrightBrowser.LaunchAsync(options.BrowserOptions, null, ct).ConfigureAwait(false) : null;
            var env = new TaskEnvironment
            {
                Browser = options.Browser ?? owned!,
                Options = options,
                _owned = owned,
                _ocr = options.ModelOptions.Ocr is null ? new TesseractOcr(options.ModelOptions.OcrOptions) : null,
            };
            if (suite.Samples.Any(s => s.Task is BenchTask { UsesSamples: true }))
            {
                env._samples = await SamplesServer.StartAsync(null, 0, ct).ConfigureAwait(false);
            }

            // Local pages are served over HTTP on 127.0.0.1 (query strings kept), from the folder holding all of them and
            // the suite (pages load files beside them: ../../shared/js/...).
            var pages = suite.Samples.Select(s => s.Task).OfType<BenchTask>().Where(t => t.IsLocalFile).Select(t => t.Url).ToList();
            if (pages.Count > 0 && LocalPages.RootFor([.. pages, new Uri(Path.GetFullPath(suite.Path)).AbsoluteUri]) is { } root)
            {
                env._files = await SamplesServer.StartAsync(root, 0, ct).ConfigureAwait(false);
                env._pages = new LocalPages(root, env._files.BaseUrl);
            }

            return env;
        }

        public TaskRunOptions Template(string outDir) => new()
        {
            Browser = Browser,
            Model = "",
            RunsFolder = Path.Combine(outDir, "runs"),
            SamplesBaseUrl = _samples?.BaseUrl,
            LocalPages = _pages,
            Instructions = Options.Instructions,
            Profiles = Options.Profiles,
            Ocr = Options.ModelOptions.Ocr ?? _ocr,
            OcrGrounder = Options.ModelOptions.GrounderOptions,
        };

        public async ValueTask DisposeAsync()
        {
            _ocr?.Dispose();
            if (_samples is not null)
            {
                await _samples.DisposeAsync().ConfigureAwait(false);
            }

            if (_files is not null)
            {
                await _files.DisposeAsync().ConfigureAwait(false);
            }

            if (_owned is not null)
            {
                await _owned.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
