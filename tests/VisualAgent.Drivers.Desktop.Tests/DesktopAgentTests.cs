using System.Diagnostics;
using System.Text.Json;

namespace VisualAgent.Tests.Desktop;

/// <summary>
/// The done-when task: the offline agent (the CLI's `run --desktop`, the unchanged loop) fills a real zenity form —
/// two fields found through the accessibility tree by their labels, typed into, read back — and presses OK; zenity's
/// own output is the proof.
/// </summary>
public sealed class DesktopAgentTests(DesktopSession desktop)
{
    [Fact]
    public async Task RunDesktop_FillsAZenityFormAndPressesOk_ZenityPrintsTheValues()
    {
        desktop.RequireDisplay();
        using var runs = new TempDir();

        var (code, stdout, stderr) = await RunCliAsync(runs.Path,
            "run", "--desktop", "--display", desktop.Display!, "--json", "--runs", runs.Path,
            "--launch", "zenity --forms --title 'Trip form' --text 'Your trip' --add-entry=Name --add-entry=City",
            "type Ada Lovelace into the Name field; type Zürich into the City field; click OK");

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal("Ada Lovelace|Zürich", root.GetProperty("app").GetProperty("stdout").GetString()!.TrimEnd('\n'));
        Assert.Equal(0, root.GetProperty("app").GetProperty("exit_code").GetInt32());
        var steps = File.ReadAllLines(Path.Combine(root.GetProperty("folder").GetString()!, "steps.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var typed = steps.Where(s => s.TryGetProperty("check", out var c) && c.ValueKind == JsonValueKind.Object && c.GetProperty("strength").GetString() == "strong").ToList();
        Assert.Equal(2, typed.Count);
        Assert.All(typed, s => Assert.True(s.GetProperty("check").GetProperty("held").GetBoolean()));
        Assert.Contains(steps, s => s.TryGetProperty("element_path", out var p) && p.ValueKind == JsonValueKind.Object
            && p.GetProperty("window").GetString() == "Trip form" && p.GetProperty("chain").EnumerateArray().Last().GetProperty("name").GetString() == "OK");
    }

    [Fact]
    public async Task RunDesktop_TargetNotOnScreen_FailsSayingSoAndKeepsTheRunFolder()
    {
        desktop.RequireDisplay();
        using var runs = new TempDir();

        var (code, stdout, stderr) = await RunCliAsync(runs.Path,
            "run", "--desktop", "--display", desktop.Display!, "--json", "--runs", runs.Path, "--model", "offline",
            "--launch", "zenity --entry --title 'Lonely entry' --text Word",
            "click \"Launch rockets\"");

        Assert.True(code != 0, stdout);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("Launch rockets", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(json.RootElement.GetProperty("folder").GetString()!, "run.json")), stderr);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunCliAsync(string cwd, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["CI"] = "true";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The CLI built beside this test (same configuration and framework).</summary>
    private static string CliDll()
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(here);
        var configuration = Path.GetFileName(Path.GetDirectoryName(here)!);
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VisualAgent.sln")))
            {
                return Path.Combine(dir.FullName, "src", "VisualAgent.Cli", "bin", configuration, framework, "visual-agent.dll");
            }
        }

        throw new InvalidOperationException("No VisualAgent.sln above the test folder.");
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("va-desktop-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
