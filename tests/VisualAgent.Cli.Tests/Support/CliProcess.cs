using System.Diagnostics;
using System.Text;

namespace VisualAgent.Tests.Support;

/// <summary>The real `visual-agent` CLI as a child process: `dotnet visual-agent.dll ARGS` in a working folder.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    private CliProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_err)
            {
                return _err.ToString();
            }
        }
    }

    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        // No terminal: standard input is redirected and closed, as in CI.
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (SigIntIgnored())
        {
            // This test process was started with Ctrl-C ignored (a shell's background job without job control), and a
            // child inherits that, so Interrupt() would reach a CLI that cannot hear it. Restore the default first.
            info.FileName = "python3";
            foreach (var a in (string[])["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])", "dotnet"])
            {
                info.ArgumentList.Add(a);
            }
        }

        info.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => Append(cli._out, e.Data);
        process.ErrorDataReceived += (_, e) => Append(cli._err, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs a short command to the end (two minutes at most) with CI=true.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string> { ["CI"] = "true" }, TimeSpan.FromMinutes(2), args);

    /// <summary>Runs to the end (killing it after <paramref name="timeout"/>) and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        using var cli = Start(workingDirectory, environment, args);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await cli._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            cli.Kill();
            throw new TimeoutException($"visual-agent {string.Join(' ', args)} did not finish within {timeout}.\nstdout:\n{cli.Stdout}\nstderr:\n{cli.Stderr}");
        }

        cli._process.WaitForExit(); // drains the redirected streams
        return (cli._process.ExitCode, cli.Stdout, cli.Stderr);
    }

    /// <summary>True when SIGINT is ignored in this process (Linux: bit 2 of the SigIgn mask in /proc/self/status).</summary>
    private static bool SigIntIgnored()
    {
        const string status = "/proc/self/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0b10) != 0;
    }

    /// <summary>SIGINT, as Ctrl-C at a terminal sends it.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end (null when it is still running after <paramref name="timeout"/>) and returns its exit code.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Waits until a line of stdout matches <paramref name="predicate"/>; null when the process ends or the time is up first.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (Stdout.Split('\n').FirstOrDefault(predicate) is { } line)
            {
                return line.TrimEnd('\r');
            }

            if (HasExited)
            {
                return null;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return null;
    }

    /// <summary>SIGKILL to the CLI and every process it started (its browser, Playwright's driver).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.AppendLine(line);
        }
    }
}
