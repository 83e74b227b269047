using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

/// <summary>
/// The README's quick start and tour, read from README.md and run as written, in order, in a fresh folder beside a
/// link to the repository's samples/ (as on a fresh clone, where `./visual-agent` runs in the repository root).
/// `./visual-agent ARGS` is the built visual-agent.dll (the wrapper only installs packages and builds first).
/// Each command must exit 0 and leave the files the README says it makes; the files it names must be there first.
/// </summary>
public sealed class ReadmeCommandsTests
{
    [Fact]
    public async Task ReadmeQuickStartAndTour_EveryCommand_ExitsZeroAndLeavesItsFiles()
    {
        var commands = ReadmeCommand.Read(Path.Combine(RepoPaths.Repository, "README.md"), "Quick start", "A short tour");
        Assert.True(commands.Count >= 15, $"only {commands.Count} commands found in the README's quick start and tour");
        Assert.Contains(commands, c => c.Arguments.SequenceEqual(["run", "--demo"]));
        using var folder = new TempFolder("readme");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "samples"), Path.Combine(RepoPaths.Repository, "samples"));

        foreach (var command in commands)
        {
            switch (command.Program)
            {
                case "scripts/test.sh":
                    // The quick start's second command is the suite this test is part of: running it here would recurse.
                    Assert.True(File.Exists(Path.Combine(RepoPaths.Repository, "scripts", "test.sh")), "scripts/test.sh is missing");
                    TestContext.Current.SendDiagnosticMessage($"README: '{command}' not run here (this test runs inside it)");
                    break;
                case "./visual-agent" when command.Arguments is ["serve-samples", ..]:
                    await ServeSamplesAsync(folder.Path, command);
                    break;
                case "./visual-agent":
                    await RunAsync(folder.Path, command);
                    break;
                default:
                    Assert.Fail($"README command with a program this test does not know how to run: {command}");
                    break;
            }
        }
    }

    private static async Task RunAsync(string folder, ReadmeCommand command)
    {
        var args = command.Arguments.ToArray();
        foreach (var input in Inputs(args))
        {
            var path = Path.Combine(folder, input);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"README: '{command}' names {input}, which is not there");
        }

        var environment = new Dictionary<string, string>(command.Environment) { ["CI"] = "true" };
        var timeout = args is ["bench", "run", ..] or ["bench", "memory", ..] ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(4);
        var (code, stdout, stderr) = await CliProcess.RunAsync(folder, environment, timeout, args);

        Assert.True(code == 0, $"README: '{command}' exited {code}\nstdout:\n{Tail(stdout)}\nstderr:\n{Tail(stderr)}");
        Assert.False(string.IsNullOrWhiteSpace(stdout), $"README: '{command}' printed nothing on stdout");
        foreach (var file in Outputs(folder, args, stdout))
        {
            Assert.True(File.Exists(file), $"README: '{command}' should have written {file}");
        }

        CheckStdout(command, args, stdout);
    }

    /// <summary>Starts the server as written (on a free port instead when another program holds that one), reads a page, stops it with Ctrl-C.</summary>
    private static async Task ServeSamplesAsync(string folder, ReadmeCommand command)
    {
        var args = command.Arguments.ToArray();
        var portAt = Array.IndexOf(args, "--port") + 1;
        if (portAt > 0 && !IsFree(int.Parse(args[portAt], System.Globalization.CultureInfo.InvariantCulture)))
        {
            TestContext.Current.SendDiagnosticMessage($"README: port {args[portAt]} is taken on this machine; '{command}' runs with --port 0");
            args[portAt] = "0";
        }

        using var server = CliProcess.Start(folder, new Dictionary<string, string>(command.Environment) { ["CI"] = "true" }, args);
        var line = await server.WaitForLineAsync(l => l.StartsWith("serving the samples at ", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        Assert.True(line is not null, $"README: '{command}' never said where it serves\nstdout:\n{server.Stdout}\nstderr:\n{server.Stderr}");
        var baseUrl = line["serving the samples at ".Length..].Split(' ')[0];
        using (var http = new HttpClient())
        {
            using var page = await http.GetAsync(new Uri(new Uri(baseUrl), "login/"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        server.Interrupt();
        var code = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, $"README: '{command}' after Ctrl-C: exit {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(still running)"}\nstderr:\n{server.Stderr}");
    }

    /// <summary>Files and folders a command reads, relative to its folder (a suite given by path, not by a built-in id).</summary>
    private static IEnumerable<string> Inputs(string[] args)
    {
        foreach (var option in new[] { "--image", "--predictions", "--jsonl", "--config", "--pages", "--results", "--suite" })
        {
            if (Value(args, option) is { } path && (option != "--suite" || path.Contains('/', StringComparison.Ordinal)))
            {
                yield return path;
            }
        }
    }

    /// <summary>Files the README says a command leaves behind.</summary>
    private static IEnumerable<string> Outputs(string folder, string[] args, string stdout)
    {
        switch (args)
        {
            case ["screenshot", ..]:
                yield return Path.Combine(folder, Value(args, "--out")!);
                break;
            case ["ground", ..]:
                var image = Path.Combine(folder, Value(args, "--image")!);
                yield return Path.Combine(Path.GetDirectoryName(image)!, Path.GetFileNameWithoutExtension(image) + ".grounded.png");
                break;
            case ["act", ..]:
                var shots = Path.Combine(folder, Value(args, "--out") ?? "act-out");
                yield return Path.Combine(shots, "before.png");
                yield return Path.Combine(shots, "after.png");
                break;
            case ["run", ..]:
                var runs = Path.Combine(folder, "runs");
                var run = Path.Combine(runs, File.ReadAllText(Path.Combine(runs, "latest")).Trim());
                foreach (var name in new[] { "run.json", "steps.jsonl", "report.html", "shots/final.png" })
                {
                    yield return Path.Combine(run, name);
                }

                if (args.Contains("--demo"))
                {
                    yield return Path.Combine(run, "downloads", "orders.csv");
                }

                break;
            case ["runs", "show", ..]:
                yield return stdout.Split('\n').Single(l => l.StartsWith("report: ", StringComparison.Ordinal))["report: ".Length..].Trim();
                break;
            case ["bench", "grounding-set", ..]:
                yield return Path.Combine(folder, Value(args, "--out")!, "grounding-samples.json");
                break;
            case ["bench", "run", ..]:
                var output = Path.Combine(folder, Value(args, "--out") ?? Path.Combine("bench-out", Path.GetFileNameWithoutExtension(Value(args, "--suite")!)));
                foreach (var name in new[] { "summary.json", "summary.md", "report.html" })
                {
                    yield return Path.Combine(output, name);
                }

                break;
        }
    }

    /// <summary>What stdout must show beyond a zero exit, per verb.</summary>
    private static void CheckStdout(ReadmeCommand command, string[] args, string stdout)
    {
        var first = stdout.Split('\n')[0];
        switch (args)
        {
            case ["doctor", ..]:
                Assert.True(first.StartsWith("ready", StringComparison.Ordinal), $"README: '{command}' first line is not a verdict: {first}");
                break;
            case ["ocr", ..] when Value(args, "--format") == "json":
            case ["parse", ..]:
                using (JsonDocument.Parse(stdout))
                {
                }

                break;
            case ["bench", "memory", ..]:
                Assert.Contains("verdict: passed", stdout, StringComparison.Ordinal);
                break;
            case ["bench", "score", ..]:
                Assert.Contains("overall (micro)", stdout, StringComparison.Ordinal);
                break;
            case ["run", ..]:
                Assert.Contains("Succeeded after", stdout, StringComparison.Ordinal);
                break;
        }
    }

    private static string? Value(string[] args, string option) =>
        Array.IndexOf(args, option) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];
}
