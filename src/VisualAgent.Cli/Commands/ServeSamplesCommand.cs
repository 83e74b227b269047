using Spectre.Console;
using System.CommandLine;
using VisualAgent.Cli.Hosting;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent serve-samples [--port N]`: serves the sample web apps on 127.0.0.1 until Ctrl-C.</summary>
internal static class ServeSamplesCommand
{
    private static readonly Option<int> PortOption = new("--port") { Description = "Port on 127.0.0.1 (0 = a free one).", DefaultValueFactory = _ => 0 };

    public static Command Create()
    {
        var command = new Command("serve-samples", "Serve the sample web apps (orders admin, login, forms, hostile page, ...) on 127.0.0.1 until Ctrl-C.\nExample: visual-agent serve-samples --port 5080");
        command.Options.Add(PortOption);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        await using var server = await SamplesServer.StartAsync(port: context.Get(PortOption), cancellationToken: ct).ConfigureAwait(false);
        CliOutput.Out.WriteLine($"serving the samples at {server.BaseUrl} (Ctrl-C stops)");
        foreach (var app in new[] { "orders/", "login/", "forms/", "hostile/", "orders-v2/", "dialogs/", "scroll/" })
        {
            CliOutput.Out.WriteLine($"  {server.Url(app)}");
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
