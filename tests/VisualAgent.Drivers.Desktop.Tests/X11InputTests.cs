using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Desktop;
using VisualAgent.Drivers.Desktop.X11;
using VisualAgent.Errors;

namespace VisualAgent.Tests.Desktop;

/// <summary>Pixels, input and windows on a real Xvfb with real GTK apps (zenity).</summary>
public sealed class X11InputTests(DesktopSession desktop)
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Capture_WholeDisplay_IsItsTrueSizeAsPng()
    {
        desktop.RequireDisplay();
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });

        var shot = await driver.CaptureAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Geometry.PixelSize(1920, 1080), shot.Size);
        Assert.Equal("png", Imaging.ImageHeader.DetectFormat(shot.Png.Span));
        Assert.True(Imaging.ImageHeader.TryReadSize(shot.Png.Span, out var size));
        Assert.Equal(shot.Size, size);
    }

    [Fact]
    public async Task Type_NonAsciiTextIntoZenityEntry_ArrivesAndEnterSubmits()
    {
        desktop.RequireDisplay();
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });
        await using var app = await driver.LaunchAsync("zenity --entry --title 'Typing test' --text 'Your name'", cancellationToken: TestContext.Current.CancellationToken);
        var box = app.Window!.Box;
        const string text = "Zoë Ångström-Łukasz 42 ✓ €";

        await driver.ExecuteAsync(new MoveAction(box.Center.X, box.Center.Y), TestContext.Current.CancellationToken);
        await driver.ExecuteAsync(new TypeAction(text, Submit: true), TestContext.Current.CancellationToken);

        Assert.True(await app.WaitForExitAsync(Exit, TestContext.Current.CancellationToken), "zenity did not close after Enter");
        Assert.Equal(0, app.ExitCode);
        Assert.Equal(text, app.StandardOutput.TrimEnd('\n'));
    }

    [Fact]
    public async Task KeyChord_CtrlAThenBackspace_ClearsTheEntry()
    {
        desktop.RequireDisplay();
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });
        await using var app = await driver.LaunchAsync("zenity --entry --title Chords --text Word --entry-text 'old text'", cancellationToken: TestContext.Current.CancellationToken);
        var box = app.Window!.Box;
        var ct = TestContext.Current.CancellationToken;

        await driver.ExecuteAsync(new MoveAction(box.Center.X, box.Center.Y), ct);
        await driver.ExecuteAsync(new KeyAction(["ctrl", "a"]), ct);
        await driver.ExecuteAsync(new KeyAction(["backspace"]), ct);
        await driver.ExecuteAsync(new TypeAction("new", Submit: true), ct);

        Assert.True(await app.WaitForExitAsync(Exit, ct));
        Assert.Equal("new", app.StandardOutput.TrimEnd('\n'));
    }

    [Fact]
    public async Task Windows_ListsTheLaunchedWindow_WithTitleProcessAndBounds()
    {
        desktop.RequireDisplay();
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });
        await using var app = await driver.LaunchAsync("zenity --info --title 'Window list test' --text Hello", cancellationToken: TestContext.Current.CancellationToken);

        var window = Assert.Single(driver.Windows(), w => w.Title == "Window list test");
        driver.Focus(window);

        Assert.True(app.Owns(window.ProcessId), $"{window} is not the app's (shell pid {app.ProcessId})");
        Assert.True(window.Box.Width > 50 && window.Box.Height > 50, window.ToString());
        Assert.Equal(window.Id, app.Window!.Id);
    }

    [Fact]
    public async Task Launch_CommandThatOpensNoWindow_TimesOutNamingTheCommand()
    {
        desktop.RequireDisplay();
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });

        var e = await Assert.ThrowsAsync<DriverException>(() => driver.LaunchAsync("sleep 30", TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        Assert.Contains("\"sleep 30\" opened no window within 1 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_CommandThatExits_SaysSoWithItsError()
    {
        desktop.RequireDisplay();
        await using var driver = DesktopDriver.Open(new DesktopOptions { Display = desktop.Display });

        var e = await Assert.ThrowsAsync<DriverException>(() => driver.LaunchAsync("echo no-such-app-here >&2; exit 3", TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        Assert.Contains("exited (code 3) without opening a window", e.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-app-here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DisplayNobodyServes_SaysItCannotOpenIt()
    {
        var e = Assert.Throws<DriverException>(() => DesktopDriver.Open(new DesktopOptions { Display = ":987" }));

        Assert.Contains("Cannot open the X display :987", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WaylandWithoutX11_SaysX11CannotReachWaylandWindows()
    {
        var env = new Dictionary<string, string?> { ["WAYLAND_DISPLAY"] = "wayland-0" };

        var e = Assert.Throws<EnvironmentMissingException>(() => DisplayName.Resolve(null, n => env.GetValueOrDefault(n)));

        Assert.Contains("X11 capture and input do not reach native Wayland windows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoDisplayAtAll_SaysHowToGetOne()
    {
        var e = Assert.Throws<EnvironmentMissingException>(() => DisplayName.Resolve(null, _ => null));

        Assert.Contains("No X display", e.Message, StringComparison.Ordinal);
        Assert.Equal(":5", DisplayName.Resolve(null, n => n == "DISPLAY" ? ":5" : null));
        Assert.Equal(":7", DisplayName.Resolve(":7", n => n == "DISPLAY" ? ":5" : null));
    }
}
