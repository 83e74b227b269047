using System.Diagnostics;
using VisualAgent.Actions;

namespace VisualAgent.Tests;

public sealed class ScratchTests(BrowserFixture fixture)
{
    [Fact]
    [Trait("Category", "Scratch")]
    public async Task Probe()
    {
        for (var i = 0; i < 3; i++) await Once();
    }

    private async Task Once()
    {
        var o = TestContext.Current.TestOutputHelper!;
        var w = Stopwatch.StartNew();
        await using var driver = await fixture.NewDriverAsync();
        o.WriteLine($"new driver {w.ElapsedMilliseconds}"); w.Restart();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        o.WriteLine($"navigate {w.ElapsedMilliseconds} inflight {driver.InflightRequests}"); w.Restart();
        var field = await TestPage.CentreAsync(driver, "document.getElementById('full-name')");
        o.WriteLine($"centre {w.ElapsedMilliseconds}"); w.Restart();
        var facts = await driver.ElementAtAsync(field, TestContext.Current.CancellationToken);
        o.WriteLine($"facts {w.ElapsedMilliseconds} {facts?.Locator}"); w.Restart();
        var oc = await driver.ExecuteAsync(new ClickAction(field.X, field.Y), TestContext.Current.CancellationToken);
        o.WriteLine($"click {w.ElapsedMilliseconds} {oc.Duration}"); w.Restart();
        await driver.ExecuteAsync(new TypeAction("Ada Lovelace"), TestContext.Current.CancellationToken);
        o.WriteLine($"type {w.ElapsedMilliseconds}"); w.Restart();
        await driver.CaptureAsync(TestContext.Current.CancellationToken);
        o.WriteLine($"capture {w.ElapsedMilliseconds}"); w.Restart();
        await driver.CaptureAsync(TestContext.Current.CancellationToken);
        o.WriteLine($"capture {w.ElapsedMilliseconds}"); w.Restart();
    }
}
