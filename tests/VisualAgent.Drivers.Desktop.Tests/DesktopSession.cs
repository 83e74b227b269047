using System.Diagnostics;
using System.Runtime.InteropServices;

[assembly: AssemblyFixture(typeof(VisualAgent.Tests.Desktop.DesktopSession))]

// One screen, no window manager: windows open on top of each other, so tests take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace VisualAgent.Tests.Desktop;

/// <summary>
/// One private desktop for the whole test assembly: a D-Bus session (dbus-run-session, so the AT-SPI bus can start)
/// around an Xvfb on a free display (-displayfd), 1920x1080x24, no window manager. The process environment points at
/// both (natively too, for libX11 and libatspi). Tests skip with the reason when Xvfb or dbus-run-session is missing.
/// </summary>
public sealed partial class DesktopSession : IAsyncLifetime
{
    private Process? _process;

    public string? Display { get; private set; }

    public string? BusAddress { get; private set; }

    /// <summary>Why the desktop could not start; null when it runs.</summary>
    public string? Problem { get; private set; }

    public void RequireDisplay() => Assert.SkipWhen(Problem is not null, Problem ?? "");

    public async ValueTask InitializeAsync()
    {
        foreach (var tool in new[] { "Xvfb", "dbus-run-session" })
        {
            if (!Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(d => File.Exists(Path.Combine(d, tool))))
            {
                Problem = $"{tool} is not installed (scripts/setup.sh installs xvfb and dbus-daemon): desktop tests skipped";
                return;
            }
        }

        var info = new ProcessStartInfo("dbus-run-session", ["--", "sh", "-c", "echo \"$DBUS_SESSION_BUS_ADDRESS\"; exec Xvfb -displayfd 1 -screen 0 1920x1080x24 -nolisten tcp -noreset"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Remove("DISPLAY");
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        BusAddress = await _process.StandardOutput.ReadLineAsync(bound.Token);
        var number = await _process.StandardOutput.ReadLineAsync(bound.Token);
        if (string.IsNullOrEmpty(BusAddress) || string.IsNullOrEmpty(number))
        {
            Problem = "Xvfb under dbus-run-session did not start (no display number on -displayfd)";
            return;
        }

        Display = ":" + number.Trim();
        foreach (var (name, value) in new[] { ("DISPLAY", Display), ("DBUS_SESSION_BUS_ADDRESS", BusAddress) })
        {
            Environment.SetEnvironmentVariable(name, value);
            _ = SetEnv(name, value, 1);
        }

        Environment.SetEnvironmentVariable("NO_AT_BRIDGE", null);
        _ = UnsetEnv("NO_AT_BRIDGE");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);
}
