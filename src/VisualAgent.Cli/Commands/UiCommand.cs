using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Ui.Server;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent ui [--port P] [--bind ADDR]`: the web UI (playground, runs, benchmarks) until Ctrl-C.</summary>
internal static class UiCommand
{
    private static readonly Option<int> PortOption = new("--port") { Description = "Port to listen on (default 5090; 0 picks a free one).", DefaultValueFactory = _ => 5090 };

    private static readonly Option<string> BindOption = new("--bind") { Description = "Address to listen on (default 127.0.0.1). Any other address needs the random token printed in the URL.", DefaultValueFactory = _ => "127.0.0.1" };

    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder of run folders the Runs page shows (default Runs:Folder, ./runs)." };

    private static readonly Option<string?> DataOption = new("--data") { Description = "Where saved conversations go (default Ui:DataFolder, else the user's local data folder visual-agent/ui)." };

    private static readonly Option<bool> NoOpenOption = new("--no-open") { Description = "Do not open the browser (it opens only when a display exists)." };

    public static Command Create()
    {
        var command = new Command("ui", """
            The web UI until Ctrl-C: a playground (upload screenshots, ground "the Export button", read text, ask a model,
            set-of-marks, sampling and image budget, save and reload conversations, export code, open as task), the runs
            (timeline, live view, re-run, replay, export code) and the benchmarks (serving self-check, start a suite with
            live progress, reports, compare two). 127.0.0.1 by default. Runs started here have no terminal: risky steps are
            denied, and secrets come only from this server's environment.
            Example: visual-agent ui --port 5090
            """);
        command.Options.Add(PortOption);
        command.Options.Add(BindOption);
        command.Options.Add(RunsOption);
        command.Options.Add(DataOption);
        command.Options.Add(NoOpenOption);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var config = context.Configuration;
        var megabytes = config["Ui:MaxUploadMegabytes"] is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var mb) && mb is > 0 and <= 256 ? mb
                : throw new UsageException($"Ui:MaxUploadMegabytes '{text}' is not a number of megabytes in 0..256.")
            : 20;
        var settings = new UiSettings
        {
            Configuration = config,
            Loggers = context.Loggers,
            Port = context.Get(PortOption),
            Bind = context.Get(BindOption)!.Trim(),
            RunsFolder = Path.GetFullPath(context.Get(RunsOption) ?? config["Runs:Folder"] ?? "runs"),
            BenchFolder = Path.GetFullPath(config["Bench:Output"] ?? "bench-out"),
            DataFolder = Path.GetFullPath(context.Get(DataOption) ?? config["Ui:DataFolder"] ?? UiSettings.DefaultDataFolder),
            MaxUploadBytes = (long)(megabytes * 1024 * 1024),
        };
        await using var server = await UiServer.StartAsync(settings, ct).ConfigureAwait(false);
        CliOutput.Out.WriteLine($"visual-agent ui: {server.Url}  (Ctrl-C stops)");
        if (server.Token is not null)
        {
            CliOutput.Warn($"listening on {settings.Bind}, beyond this machine: only the URL above (with its token) opens the UI; anyone who has it can use it.");
        }

        if (!context.Get(NoOpenOption) && HasDisplay())
        {
            TryOpen(server.Url);
        }

        await server.WaitAsync(ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static bool HasDisplay() =>
        OperatingSystem.IsLinux()
            ? !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"))
            : Environment.UserInteractive;

    private static void TryOpen(string url)
    {
        try
        {
            var start = OperatingSystem.IsLinux()
                ? new ProcessStartInfo("xdg-open") { ArgumentList = { url }, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true }
                : new ProcessStartInfo(url) { UseShellExecute = true };
            using var process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            CliOutput.Info("no browser opener found (xdg-open): open the URL above yourself.");
        }
    }
}
