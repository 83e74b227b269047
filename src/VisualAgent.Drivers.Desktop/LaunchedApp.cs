using System.Diagnostics;
using System.Text;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Desktop;

/// <summary>
/// An application the driver started (<see cref="DesktopDriver.LaunchAsync"/>): its process, what it printed, the
/// window it opened. Disposing ends it if it is still running.
/// </summary>
public sealed class LaunchedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _outputDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _streamsOpen = 2;

    private LaunchedApp(Process process, string command)
    {
        _process = process;
        Command = command;
    }

    public string Command { get; }

    public int ProcessId => _process.Id;

    /// <summary>The window it opened (set once <see cref="DesktopDriver.LaunchAsync"/> returns).</summary>
    public DesktopWindow? Window { get; internal set; }

    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code, or null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>What it printed on standard output so far.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="command"/> with /bin/sh on the display, its accessibility bridge on (NO_AT_BRIDGE removed).</summary>
    internal static LaunchedApp Start(string command, string display)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new UsageException("--launch needs a command, e.g. --launch \"zenity --entry --text Name\".");
        }

        var info = new ProcessStartInfo("/bin/sh", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["DISPLAY"] = display;
        info.Environment["GDK_BACKEND"] = "x11";
        info.Environment.Remove("NO_AT_BRIDGE");
        info.Environment.Remove("WAYLAND_DISPLAY");
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new DriverException($"\"{command}\" could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DriverException($"\"{command}\" could not be started: {e.Message}.", e);
        }

        process.StandardInput.Close();
        var app = new LaunchedApp(process, command);
        process.OutputDataReceived += (_, e) => app.Append(app._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(app._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>True when the process is the app's shell or one of its descendants (read from /proc).</summary>
    public bool Owns(int? processId)
    {
        for (var (pid, guard) = (processId ?? 0, 0); pid > 1 && guard < 64; guard++)
        {
            if (pid == _process.Id)
            {
                return true;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                pid = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Waits for the app to exit (and its output to be read); false when it is still running after the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
            await _outputDone.Task.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }

        _process.Dispose();
    }

    /// <summary>The last lines it wrote on standard error, for error messages.</summary>
    internal string ErrorTail()
    {
        var lines = StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            if (Interlocked.Decrement(ref _streamsOpen) == 0)
            {
                _outputDone.TrySetResult();
            }

            return;
        }

        lock (to)
        {
            to.Append(line).Append('\n');
        }
    }
}
