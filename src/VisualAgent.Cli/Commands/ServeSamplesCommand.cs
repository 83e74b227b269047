using Spectre.Console;
using System.CommandLine;
using System.Text.Json;
using VisualAgent.Cli.Hosting;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent serve-samples [--port N]`: serves the sample web apps on 127.0.0.1 until Ctrl-C.</summary>
internal static class ServeSamplesCommand
{
    private static readonly Option<int> PortOption = new("--port") { Description = "Port on 127.0.0.1 (0 = a free one).", DefaultValueFactory = _ => 0 };

    public static Command Create()
    {
        var command = new Command("serve-samples", "Serve the sample web apps (orders admin, login, forms, hostile page, ...) on 127.0.0.1 until Ctrl-C.\nWith --json, one line {\"base_url\", \"apps\"} once it listens.\nExample: visual-agent serve-samples --port 5080");
        command.Options.Add(PortOption);
        command.Options.Add(CommonOptions.Json);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        await using var server = await SamplesServer.StartAsync(port: context.Get(PortOption), cancellationToken: ct).ConfigureAwait(false);
        var apps = Directory.EnumerateDirectories(server.Root)
            .Select(Path.GetFileName)
            .Where(name => name is not null && name != "shared" && File.Exists(Path.Combine(server.Root, name, "index.html")))
            .Order(StringComparer.Ordinal)
            .Select(name => server.Url(name + "/"))
            .ToList();
        if (context.Json)
        {
            // One line, not an indented document: the server keeps running, so a reader takes the first line.
            Console.Out.WriteLine(JsonSerializer.Serialize(new { base_url = server.BaseUrl, apps }));
        }
        else
        {
            CliOutput.Out.WriteLine($"serving the samples at {server.BaseUrl} (Ctrl-C stops)");
            foreach (var app in apps)
            {
                CliOutput.Out.WriteLine($"  {app}");
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
