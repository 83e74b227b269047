using System.Collections.Concurrent;
using VisualAgent.Drivers.Web;

namespace VisualAgent.Tests;

public sealed class LocalOnlyRoutesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("http://127.0.0.1:8000/a.html?x=1", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("file:///tmp/page.html", true)]
    [InlineData("data:text/plain,hi", true)]
    [InlineData("https://www.w3.org/StyleSheets/TR/2016/base.css", false)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("http://127.0.0.1.example.com/", false)]
    public void IsLocal_Url_TellsThisMachineFromTheRest(string url, bool local)
    {
        Assert.Equal(local, LocalOnlyRoutes.IsLocal(url));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BlockNonLocalRequests_PageFetchesAnotherHost_IsBlockedByTheDriverOnlyWhenSet(bool block)
    {
        var driver = await fixture.NewDriverAsync(o => o.BlockNonLocalRequests = block);
        await using (driver)
        {
            var failures = new ConcurrentQueue<string>();
            driver.CurrentPage.RequestFailed += (_, request) => failures.Enqueue(request.Failure ?? "");
            await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);

            var remote = await driver.EvaluateAsync("fetch('http://blocked.invalid/x.css').then(() => 'loaded', () => 'failed')", TestContext.Current.CancellationToken);
            var local = await driver.EvaluateAsync("fetch('edits.html?q=1').then(r => r.ok ? 'ok' : 'status ' + r.status, () => 'failed')", TestContext.Current.CancellationToken);

            // Offline the other host fails either way; only the route says "blocked by client".
            Assert.Equal("\"failed\"", remote);
            Assert.Equal("\"ok\"", local);
            Assert.NotEmpty(failures);
            Assert.True(block == failures.Any(f => f.StartsWith("net::ERR_BLOCKED_BY_CLIENT", StringComparison.Ordinal)), string.Join("; ", failures));
        }
    }
}
