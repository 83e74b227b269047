using System.Diagnostics;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// Output redirected to a file, as a shell does with `>`: nothing wrapped (the lines here are longer than 80 columns),
/// nothing from the logs. The folder name is long on purpose, so a wrap at any usual width would break the paths.
/// </summary>
public sealed class PipedOutputTests
{
    [Fact]
    public async Task RunDemo_StdoutToAFile_RunIdPathsAndInstructionUnbroken()
    {
        using var work = new TempFolder("piped-output-with-a-long-folder-name");

        var (code, stdout, stderr) = await ShellAsync(work.Path, "run --demo");

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var id = File.ReadAllText(Path.Combine(work.Path, "runs", "latest")).Trim();
        var folder = Path.Combine(work.Path, "runs", id);
        Assert.True(folder.Length + "run folder: ".Length > 80, "the test needs lines longer than 80 columns");
        Assert.Contains($"run folder: {folder}", lines);
        Assert.Contains($"report:     {Path.Combine(folder, "report.html")}", lines);
        Assert.Contains($"download:   {Path.Combine(folder, "downloads", "orders.csv")}", lines);
        var echo = Assert.Single(lines, l => l.StartsWith("run with offline: ", StringComparison.Ordinal));
        Assert.Matches(@"^run with offline: open http://127\.0\.0\.1:\d+/login/; type ""alice"" into the Username field; .*; click the ""Export CSV"" button; wait for the download$", echo);
        Assert.All(lines, l => Assert.DoesNotContain("│", l)); // no box drawing and no wrapped table in a run's output
    }

    [Fact]
    public async Task Run_FailingStepToAFile_LogLinesOnlyOnStderr()
    {
        using var work = new TempFolder("piped-failure");

        var (code, stdout, stderr) = await ShellAsync(work.Path, "run --url samples:login/ 'click the Frobnicate button'");

        Assert.Equal(1, code);
        Assert.Contains("Failed after 1 step in", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", stdout, StringComparison.Ordinal);
        Assert.Contains("warn:", stderr, StringComparison.Ordinal); // the log line is there, where logs belong
    }

    [Fact]
    public async Task Doctor_StdoutToAFile_TableRowsOnOneLineEachAndAligned()
    {
        using var work = new TempFolder("piped-doctor");

        var (code, stdout, stderr) = await ShellAsync(work.Path, "doctor");

        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n').Where(l => l.StartsWith('│')).ToList();
        Assert.Contains(rows, r => r.Contains("model qwen3-vl-8b", StringComparison.Ordinal) && r.Contains("Models:qwen3-vl-8b:Endpoint", StringComparison.Ordinal));
        Assert.Single(rows.Select(r => r.TrimEnd().Length).Distinct());
    }

    /// <summary>`dotnet visual-agent.dll ARGS > out.txt 2> err.txt` through bash, CI=true; returns the exit code and both files.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> ShellAsync(string folder, string arguments)
    {
        var info = new ProcessStartInfo("bash", ["-c", $"dotnet \"$0\" {arguments} > out.txt 2> err.txt", RepoPaths.CliDll])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        info.Environment["CI"] = "true";
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await File.ReadAllTextAsync(Path.Combine(folder, "out.txt"), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(Path.Combine(folder, "err.txt"), TestContext.Current.CancellationToken));
    }
}
