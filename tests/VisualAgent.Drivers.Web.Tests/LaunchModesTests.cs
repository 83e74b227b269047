using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VisualAgent.Drivers.Web;

namespace VisualAgent.Tests;

/// <summary>The launch modes besides the shared fresh-profile browser: a persistent profile and attaching over CDP.</summary>
public sealed class LaunchModesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Launch_WithUserDataDir_UsesThatProfileFolder()
    {
        var profile = Path.Combine(Path.GetTempPath(), "va-profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions { UserDataDir = profile }, cancellationToken: TestContext.Current.CancellationToken))
            {
                await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);
                await driver.EvaluateAsync("localStorage.setItem('va', 'kept')", TestContext.Current.CancellationToken);
                Assert.Equal(new Geometry.PixelSize(1280, 720), (await driver.CaptureAsync(TestContext.Current.CancellationToken)).Size);
            }

            Assert.True(Directory.Exists(Path.Combine(profile, "Default")), "Chromium keeps the profile (cookies, storage) in the folder");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    [Fact]
    public async Task Launch_WithCdpEndpoint_AttachesToARunningBrowser()
    {
        var port = FreePort();
        var executable = fixture.Browser.ExecutablePath!;
        var profile = Path.Combine(Path.GetTempPath(), "va-cdp-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(new ProcessStartInfo(executable,
            ["--headless", "--no-sandbox", "--disable-gpu", $"--remote-debugging-port={port}", $"--user-data-dir={profile}", "--window-size=800,600", "about:blank"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            await WaitForPortAsync(port);
            await using var driver = await PlaywrightDriver.LaunchAsync(new BrowserOptions { CdpEndpoint = $"http://127.0.0.1:{port}" }, cancellationToken: TestContext.Current.CancellationToken);
            await driver.NavigateAsync(fixture.Pages.Url("grid.html"), TestContext.Current.CancellationToken);

            var shot = await driver.CaptureAsync(TestContext.Current.CancellationToken);

            Assert.EndsWith("/grid.html", driver.CurrentUrl, StringComparison.Ordinal);
            Assert.Equal(driver.ScreenSize, shot.Size);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Directory.Delete(profile, recursive: true);
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.Fail($"Chromium did not open its DevTools port {port}.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
