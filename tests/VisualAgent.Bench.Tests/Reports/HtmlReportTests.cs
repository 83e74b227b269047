using System.Globalization;
using System.Text;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Runner;
using VisualAgent.Simulator;
using VisualAgent.Tests.Datasets;
using VisualAgent.Tests.Runner;

namespace VisualAgent.Tests.Reports;

public sealed class HtmlReportTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportHtml_OpenedInHeadlessChromium_RendersChartsAndFailuresWithoutConsoleErrors()
    {
        var dir = BrowserFixture.NewFolder("bench-html");
        BenchTestData.WriteVqaSuite(dir, 0);
        var lines = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            lines.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"id": "r{{i}}", "image": "img{{i % 3}}.png", "expression": "the block number {{i}}", "bbox": [{{i * 4}}, 4, {{(i * 4) + 20}}, 30], "scene": "{{(i % 2 == 0 ? "plain" : "street")}}"}"""));
        }

        var suite = Path.Combine(dir, "refexp.jsonl");
        await File.WriteAllTextAsync(suite, lines.ToString(), Ct);
        var outDir = Path.Combine(dir, "out");
        await BenchRunner.RunAsync(new BenchRunOptions
        {
            Suite = suite,
            Models = ["sim-qwen3-vl", "sim-minigpt-v2"],
            OutDir = outDir,
            Browser = fixture.Browser,
            ModelOptions = new BenchModelOptions
            {
                ConfigureSimulator = (_, server) => server.InjectFault(new SimulatedFault(SimulatedFaultKind.MalformedReply) { When = "[sample r3]", Count = 2 }),
            },
        }, null, Ct);
        var report = Path.Combine(outDir, "report.html");

        var driver = await fixture.Browser.NewDriverAsync(null, Ct);
        await using (driver)
        {
            var errors = new List<string>();
            driver.CurrentPage.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            driver.CurrentPage.PageError += (_, error) => errors.Add(error);
            await driver.NavigateAsync(new Uri(report).AbsoluteUri, Ct);

            var svgs = int.Parse(await driver.EvaluateAsync("document.querySelectorAll('svg').length", Ct), CultureInfo.InvariantCulture);
            Assert.True(svgs >= 4, $"{svgs} charts"); // score per model, per group, latency, score vs latency
            Assert.Equal("true", await driver.EvaluateAsync("[...document.images].length >= 2 && [...document.images].every(i => i.complete && i.naturalWidth > 0)", Ct));
            Assert.Equal("2", await driver.EvaluateAsync("document.querySelectorAll('table tr .sim').length", Ct));
            Assert.Equal("true", await driver.EvaluateAsync("document.body.innerText.includes('scene') && document.body.innerText.includes('macro (mean over cells)')", Ct));
            Assert.Empty(errors);
        }
    }
}
