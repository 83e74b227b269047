using Spectre.Console;
using System.CommandLine;
using VisualAgent.Cli.Hosting;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent screenshot --url U --out F.png`.</summary>
internal static class ScreenshotCommand
{
    private static readonly Option<string> UrlOption = new("--url") { Description = "Page to open: http(s)://, file path, or samples:PATH (starts the samples server).", Required = true };

    private static readonly Option<FileInfo> OutOption = new("--out", "-o") { Description = "PNG file to write.", Required = true };

    public static Command Create()
    {
        var command = new Command("screenshot", "Open a page and save a lossless PNG screenshot (device pixels).\nExample: visual-agent screenshot --url samples:orders/ --out orders.png");
        command.Options.Add(UrlOption);
        command.Options.Add(OutOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var output = context.Get(OutOption)!;
        await using var session = await BrowserCommandOptions.OpenSessionAsync(context, context.Get(UrlOption), null, ct).ConfigureAwait(false);
        var shot = await session.Driver.CaptureAsync(ct).ConfigureAwait(false);
        output.Directory?.Create();
        var temp = output.FullName + ".part";
        await File.WriteAllBytesAsync(temp, shot.Png.ToArray(), ct).ConfigureAwait(false);
        File.Move(temp, output.FullName, overwrite: true);
        if (context.Json)
        {
            CliOutput.WriteJson(new { file = output.FullName, width = shot.Size.Width, height = shot.Size.Height, url = shot.Location, device_scale_factor = shot.DeviceScaleFactor });
        }
        else
        {
            CliOutput.Out.WriteLine($"{output.FullName} ({shot.Size}, {shot.Png.Length / 1024.0:0.#} KB) of {shot.Location}");
        }

        return 0;
    }
}
