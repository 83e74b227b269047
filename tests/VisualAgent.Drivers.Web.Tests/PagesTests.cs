using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;

namespace VisualAgent.Tests;

public sealed class PagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Click_LinkWithTargetBlank_FollowsTheNewTab()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("dialogs/"), TestContext.Current.CancellationToken);
        var link = await TestPage.CentreAsync(driver, "document.getElementById('help-link')");

        var outcome = await driver.ExecuteAsync(new ClickAction(link.X, link.Y), TestContext.Current.CancellationToken);

        Assert.True(outcome.SwitchedPage);
        Assert.EndsWith("/dialogs/help.html", driver.CurrentUrl, StringComparison.Ordinal);
        Assert.Equal(driver.CurrentUrl, outcome.Location);
        var shot = await driver.CaptureAsync(TestContext.Current.CancellationToken);
        Assert.Equal(driver.CurrentUrl, shot.Location);
    }

    [Fact]
    public async Task Click_ExportCsv_SavesTheDownloadUnderItsName()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("orders/"), TestContext.Current.CancellationToken);
        var export = await TestPage.CentreAsync(driver, "document.getElementById('export-btn')");

        var outcome = await driver.ExecuteAsync(new ClickAction(export.X, export.Y), TestContext.Current.CancellationToken);

        var path = Assert.Single(outcome.Downloads);
        Assert.Equal("orders.csv", Path.GetFileName(path));
        Assert.Equal(driver.DownloadsDir, Path.GetDirectoryName(path));
        Assert.Contains(",", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(path, await driver.WaitForDownloadAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Downloads_WithNoFolderGiven_GoToAPrivateFolderRemovedWithTheDriver()
    {
        var driver = await fixture.NewDriverAsync(o => o.DownloadsDir = null);
        string folder;
        try
        {
            await driver.NavigateAsync(fixture.Samples.Url("orders/"), TestContext.Current.CancellationToken);
            var export = await TestPage.CentreAsync(driver, "document.getElementById('export-btn')");

            var outcome = await driver.ExecuteAsync(new ClickAction(export.X, export.Y), TestContext.Current.CancellationToken);

            folder = driver.DownloadsDir;
            Assert.StartsWith(Path.GetTempPath(), Assert.Single(outcome.Downloads), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }
        }
        finally
        {
            await driver.DisposeAsync();
        }

        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
    }

    [Fact]
    public async Task WaitForDownload_NoneComes_ThrowsAClearError()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("download.html"), TestContext.Current.CancellationToken);
        var nothing = await TestPage.CentreAsync(driver, "document.getElementById('nothing')");
        await driver.ExecuteAsync(new ClickAction(nothing.X, nothing.Y), TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<DriverException>(() => driver.WaitForDownloadAsync(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken));
        Assert.Contains("No download", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_FileInput_GivesThePageTheFile()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        await driver.EvaluateAsync("document.getElementById('attachment').scrollIntoView({ block: 'center' })", TestContext.Current.CancellationToken);
        var input = await TestPage.CentreAsync(driver, "document.getElementById('attachment')");
        var file = Path.Combine(Path.GetTempPath(), $"va-upload-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "hello", TestContext.Current.CancellationToken);

        await driver.UploadAsync(input, [file], TestContext.Current.CancellationToken);

        Assert.Equal(Path.GetFileName(file), await TestPage.EvalAsync<string>(driver, "window.__state.fileName"));
        File.Delete(file);
    }

    [Fact]
    public async Task Navigate_UnreachableUrl_ThrowsQuicklyNamingTheUrl()
    {
        await using var driver = await fixture.NewDriverAsync();
        var url = $"http://127.0.0.1:{FreePort()}/nowhere";
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<DriverException>(() => driver.NavigateAsync(url, TestContext.Current.CancellationToken));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains(url, ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigate_UnsafePort_SaysWhy()
    {
        await using var driver = await fixture.NewDriverAsync();
        var ex = await Assert.ThrowsAsync<DriverException>(() => driver.NavigateAsync("http://127.0.0.1:9/", TestContext.Current.CancellationToken));
        Assert.Contains("unsafe-port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigate_UnknownHost_SaysDns()
    {
        await using var driver = await fixture.NewDriverAsync();
        var ex = await Assert.ThrowsAsync<DriverException>(() => driver.NavigateAsync("http://no-such-host.invalid/", TestContext.Current.CancellationToken));
        Assert.Contains("DNS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigate_NotAUrl_ThrowsUsage()
    {
        await using var driver = await fixture.NewDriverAsync();
        await Assert.ThrowsAsync<UsageException>(() => driver.NavigateAsync("ftp://example.com/", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GoBack_AfterTwoPages_ReturnsToTheFirst()
    {
        await using var driver = await fixture.NewDriverAsync();
        await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);
        await driver.NavigateAsync(fixture.Pages.Url("edits.html"), TestContext.Current.CancellationToken);

        await driver.GoBackAsync(TestContext.Current.CancellationToken);

        Assert.EndsWith("/grid.html", driver.CurrentUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_Promise_ReturnsItsValueAsJson()
    {
        await using var driver = await fixture.NewDriverAsync();
        var json = await driver.EvaluateAsync("new Promise(r => setTimeout(() => r({ a: 1, b: 'x' }), 10))", TestContext.Current.CancellationToken);
        Assert.Equal("{\"a\":1,\"b\":\"x\"}", json);
        Assert.Equal("[1,2]", await driver.EvaluateAsync("() => [1, 2]", TestContext.Current.CancellationToken));
        Assert.Equal("null", await driver.EvaluateAsync("undefined", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Capture_CdpAndPlaywrightPaths_GiveTheSameSizePng()
    {
        await using var driver = await fixture.NewDriverAsync(o => o.DeviceScaleFactor = 2);
        await driver.NavigateAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);

        var cdp = await driver.CaptureBytesAsync(ScreenshotPath.CdpPng, TestContext.Current.CancellationToken);
        var pw = await driver.CaptureBytesAsync(ScreenshotPath.Playwright, TestContext.Current.CancellationToken);

        Assert.Equal(new Geometry.PixelSize(2560, 1440), PngHeader.ReadSize(cdp));
        Assert.Equal(PngHeader.ReadSize(cdp), PngHeader.ReadSize(pw));

        // The bench's "capture at model size": the browser scales the same viewport (1280x720 CSS) itself.
        var small = await driver.CaptureBytesAsync(ScreenshotPath.CdpPng, TestContext.Current.CancellationToken, scale: 0.5);
        Assert.Equal(new Geometry.PixelSize(640, 360), PngHeader.ReadSize(small));
    }

    [Fact]
    public async Task Launch_MissingExecutable_NamesThePackageAndTheSetting()
    {
        var ex = await Assert.ThrowsAsync<EnvironmentMissingException>(() =>
            PlaywrightDriver.LaunchAsync(new BrowserOptions { ExecutablePath = "/nonexistent/chromium" }, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("apt-get install chromium", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Browser:ExecutablePath", ex.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
