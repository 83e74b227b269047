using System.Text.Json;
using VisualAgent.Drivers.Web;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// A real run's report.html in headless Chromium: every picture loads (the final screen included) and no text sticks
/// out of its box or any box around it, at a desktop and a narrow window. The run has the hard cases: a long
/// instruction, a long unbroken word in a target and in the error, a failed step.
/// </summary>
public sealed class RunReportLayoutTests(E2eFixture fixture)
{
    private const string LongWord = "Frobnicate_the_extraordinarily_long_identifier_without_any_break_opportunity_0123456789";

    [Fact]
    public async Task ReportHtml_FailedRunWithLongWords_NoTextOverflowsAndFinalScreenShows()
    {
        using var work = new TempFolder("report-layout");
        var instruction = $"type \"alice\" into the Username field; type {{{{secret:PW}}}} into the Password field; click the \"{LongWord}\" button";
        var environment = new Dictionary<string, string> { ["CI"] = "true", ["PW"] = "wonderland" };
        var (code, stdout, stderr) = await CliProcess.RunAsync(work.Path, environment, TimeSpan.FromMinutes(2), "run", "--url", "samples:login/", instruction);
        Assert.True(code == 1, $"the run should fail at its last step: exit {code}\n{stdout}\n{stderr}");
        var report = Path.Combine(RunFolder.Single(Path.Combine(work.Path, "runs")), "report.html");

        foreach (var width in new[] { 1280, 600 })
        {
            await using var driver = await fixture.Browser.NewDriverAsync(new BrowserOptions { ViewportWidth = width, ViewportHeight = 900 }, TestContext.Current.CancellationToken);
            await driver.NavigateAsync(new Uri(report).AbsoluteUri, TestContext.Current.CancellationToken);
            using var result = JsonDocument.Parse(await driver.EvaluateAsync(LayoutCheck, TestContext.Current.CancellationToken));

            var root = result.RootElement;
            Assert.True(root.GetProperty("finalShot").GetBoolean(), "report.html has no final screen section");
            Assert.Empty(root.GetProperty("broken").EnumerateArray().Select(e => e.GetString()));
            Assert.True(root.GetProperty("images").GetInt32() >= 4, "expected three step screenshots and the final screen");
            Assert.True(root.GetProperty("problems").GetArrayLength() == 0, $"at {width} px:\n" + string.Join("\n", root.GetProperty("problems").EnumerateArray().Select(e => e.GetString())));
        }
    }

    /// <summary>
    /// Loads every image, then, for every text node, checks each of its line boxes against the element's block and every
    /// block around it up to the body (1 px of slack), and that the page is no wider than the window.
    /// </summary>
    private const string LayoutCheck = """
        async () => {
          const images = [...document.images];
          images.forEach(i => { i.loading = 'eager'; });
          await Promise.all(images.map(i => i.decode().catch(() => null)));
          const broken = images.filter(i => !(i.naturalWidth > 0)).map(i => i.getAttribute('src'));
          const describe = el => `<${el.tagName.toLowerCase()}${el.className ? ' class="' + el.className + '"' : ''}> "${el.textContent.trim().slice(0, 50)}"`;
          const problems = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let t = walker.nextNode(); t; t = walker.nextNode()) {
            if (!t.textContent.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(t);
            const lines = [...range.getClientRects()].filter(r => r.width > 0);
            for (let box = t.parentElement; box && box !== document.documentElement; box = box.parentElement) {
              if (getComputedStyle(box).display.startsWith('inline')) continue;
              const b = box.getBoundingClientRect();
              const out = lines.find(r => r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1);
              if (out) {
                problems.add(`text of ${describe(t.parentElement)} leaves ${describe(box)}: line ${Math.round(out.left)}..${Math.round(out.right)} x ${Math.round(out.top)}..${Math.round(out.bottom)}, box ${Math.round(b.left)}..${Math.round(b.right)} x ${Math.round(b.top)}..${Math.round(b.bottom)}`);
                break;
              }
            }
          }
          const page = document.documentElement.scrollWidth;
          if (page > innerWidth + 1) problems.add(`the page is ${page} px wide in a ${innerWidth} px window`);
          return { problems: [...problems], broken, images: images.length, finalShot: !!document.querySelector('section.final img') };
        }
        """;
}
