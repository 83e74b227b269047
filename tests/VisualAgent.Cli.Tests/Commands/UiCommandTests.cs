using System.Net;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Commands;

/// <summary>`visual-agent ui` as the README's section on it writes it: it prints its URL, serves the playground, stops on Ctrl-C.</summary>
public sealed class UiCommandTests
{
    [Fact]
    public async Task Ui_AsTheReadmeWritesIt_PrintsItsUrlServesThePlaygroundAndStopsOnCtrlC()
    {
        var commands = ReadmeCommand.Read(Path.Combine(RepoPaths.Repository, "README.md"), "The web UI");
        var command = Assert.Single(commands, c => c.Arguments is ["ui", ..]);
        using var folder = new TempFolder("ui");
        var args = command.Arguments.ToList();
        var portAt = args.IndexOf("--port") + 1;
        if (portAt > 0)
        {
            args[portAt] = "0"; // the README's port may be taken on a test machine
        }
        else
        {
            args.AddRange(["--port", "0"]);
        }

        args.AddRange(["--no-open", "--data", Path.Combine(folder.Path, "data")]);
        using var server = CliProcess.Start(folder.Path, new Dictionary<string, string> { ["CI"] = "true" }, [.. args]);
        var line = await server.WaitForLineAsync(l => l.StartsWith("visual-agent ui: http://127.0.0.1:", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        Assert.True(line is not null, $"`ui` never printed its URL\nstdout:\n{server.Stdout}\nstderr:\n{server.Stderr}");
        var url = line["visual-agent ui: ".Length..].Split(' ')[0];
        using (var http = new HttpClient())
        {
            using var page = await http.GetAsync(new Uri(url), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<title>Playground", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        server.Interrupt();
        var code = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, $"`ui` after Ctrl-C: exit {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(still running)"}\nstderr:\n{server.Stderr}");
    }

    [Fact]
    public async Task Ui_BindNotAnAddress_ExitsWithUsageCodeAndSaysWhatToGive()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(TempFolder.Fresh(), "ui", "--bind", "every-interface", "--no-open");

        Assert.Equal(2, code);
        Assert.Contains("is not an IP address", stderr, StringComparison.Ordinal);
    }
}
