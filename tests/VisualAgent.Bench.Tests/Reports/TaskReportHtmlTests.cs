using System.Globalization;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Reports;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;
using VisualAgent.Runs;
using VisualAgent.Tests.Datasets;

namespace VisualAgent.Tests.Reports;

/// <summary>A tasks report.html in headless Chromium: every model's failures reachable, no chart label clipped or overlapping.</summary>
public sealed class TaskReportHtmlTests(BrowserFixture fixture)
{
    private const string LongModel = "a-hosted-profile-with-a-long-name-qwen3-vl-235b-a22b-instruct-fp8";

    private static readonly string[] Apps = ["checkbox", "carousel-1-prev-next", "menu-button-actions-active-descendant-with-a-name-far-too-long-for-any-column"];

    /// <summary>Every text of every chart inside its chart, and no two texts of one chart on top of each other.</summary>
    private const string ChartTextProblems = """
        (() => {
          const problems = [];
          for (const svg of document.querySelectorAll('svg')) {
            const box = svg.viewBox.baseVal;
            const texts = [...svg.querySelectorAll('text')].map(t => ({ t: t.textContent, b: t.getBBox() }));
            for (const { t, b } of texts) {
              if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5) {
                problems.push(`clipped: ${t}`);
              }
            }
            for (let i = 0; i < texts.length; i++) {
              for (let j = i + 1; j < texts.length; j++) {
                const a = texts[i].b, c = texts[j].b;
                if (a.x < c.x + c.width - 1 && c.x < a.x + a.width - 1 && a.y < c.y + c.height - 1 && c.y < a.y + a.height - 1) {
                  problems.push(`overlap: ${texts[i].t} / ${texts[j].t}`);
                }
              }
            }
          }
          return problems.join('\n');
        })()
        """;

    [Fact]
    public async Task ReportHtml_TwoModelsWithLongNames_LabelsFitAndEachModelsFailuresAreReachable()
    {
        var dir = BrowserFixture.NewFolder("task-html");
        var samples = Enumerable.Range(0, 6).Select(i => new BenchSample { Id = $"task-{i}", Kind = SuiteKind.Tasks, Groups = new Dictionary<string, string> { ["app"] = Apps[i % 3] } }).ToList();
        var suite = new LoadedSuite("dev", SuiteKind.Tasks, Path.Combine(dir, "tasks.json"), samples, []);
        var results = new List<SampleResult>();
        foreach (var (model, failFrom) in new[] { ("offline", 4), (LongModel, 1) })
        {
            results.AddRange(samples.Select((s, i) => SampleScorer.Score(model, s, new Prediction
            {
                Latency = TimeSpan.FromMilliseconds(900 + (i * 100)),
                Task = new TaskOutcome
                {
                    Id = s.Id, Model = model, RunFolder = "/runs/" + s.Id, Instruction = "Do task " + i.ToString(CultureInfo.InvariantCulture) + ".",
                    Verdict = i < failFrom ? TaskVerdict.Succeeded : TaskVerdict.Failed, Truth = i < failFrom ? TaskTruth.True : TaskTruth.False,
                    RunCause = i < failFrom ? FailureCause.None : FailureCause.NotFound,
                },
            }, DateTimeOffset.UnixEpoch)));
        }

        var summary = BenchSummarizer.Summarize(suite, [(new ModelRunInfo { Model = "offline" }, results.Where(r => r.Model == "offline").ToList()), (new ModelRunInfo { Model = LongModel }, results.Where(r => r.Model == LongModel).ToList())], DateTimeOffset.UnixEpoch);
        await BenchReportWriter.WriteAsync(dir, summary, suite, results, true, TestContext.Current.CancellationToken);

        var driver = await fixture.Browser.NewDriverAsync(null, TestContext.Current.CancellationToken);
        await using (driver)
        {
            await driver.NavigateAsync(new Uri(Path.Combine(dir, "report.html")).AbsoluteUri, TestContext.Current.CancellationToken);

            Assert.Equal("\"\"", await driver.EvaluateAsync(ChartTextProblems, TestContext.Current.CancellationToken));
            Assert.Equal("2", await driver.EvaluateAsync("document.querySelectorAll('.tabs > label').length", TestContext.Current.CancellationToken));
            Assert.Equal("\"offline\"", await driver.EvaluateAsync(VisibleFigureModels, TestContext.Current.CancellationToken));
            await driver.CurrentPage.ClickAsync(".tabs > label[for=gal1]");
            Assert.Equal($"\"{LongModel}\"", await driver.EvaluateAsync(VisibleFigureModels, TestContext.Current.CancellationToken));
            Assert.Equal("5", await driver.EvaluateAsync("[...document.querySelectorAll('figure')].filter(f => f.offsetParent !== null).length", TestContext.Current.CancellationToken));
        }
    }

    private const string VisibleFigureModels = "[...new Set([...document.querySelectorAll('figure')].filter(f => f.offsetParent !== null).map(f => f.querySelector('b').textContent))].join(',')";
}
