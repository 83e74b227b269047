using Spectre.Console;
using System.CommandLine;
using VisualAgent.Cli.Hosting;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent screenshot --url U --out F.png`.</summary>
internal static class ScreenshotCommand
{
    private static readonly Option<string?> UrlOption = new("--url") { Description = "Page to open: http(s)://, file path, or samples:PATH (starts the samples server)." };

    private static readonly Option<FileInfo> OutOption = new("--out", "-o") { Description = "PNG file to write.", Required = true };

    public static Command Create()
    {
        var command = new Command("screenshot", "Open a page (or take the X11 desktop) and save a lossless PNG screenshot (device pixels).\nExamples: visual-agent screenshot --url samples:orders/ --out orders.png\n          visual-agent screenshot --desktop --display :99 --out desktop.png");
        command.Options.Add(UrlOption);
        command.Options.Add(OutOption);
        command.Options.Add(CommonOptions.Json);
        BrowserCommandOptions.AddOptions(command);
        DesktopCommandOptions.AddOptions(command);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var output = context.Get(OutOption)!;
        if (DesktopCommandOptions.Wanted(context) == (context.Get(UrlOption) is not null))
        {
            throw new Errors.UsageException("Give either --url URL (a page) or --desktop (the X11 screen), not both or neither.");
        }

        if (DesktopCommandOptions.Wanted(context))
        {
            await using var desktop = await DesktopCommandOptions.OpenSessionAsync(context, ct).ConfigureAwait(false);
            return await SaveAsync(context, output, await desktop.Driver.CaptureAsync(ct).ConfigureAwait(false), desktop.Driver.Display, ct).ConfigureAwait(false);
        }

        await using var session = await BrowserCommandOptions.OpenSessionAsync(context, context.Get(UrlOption), null, ct).ConfigureAwait(false);
        return await SaveAsync(context, output, await session.Driver.CaptureAsync(ct).ConfigureAwait(false), null, ct).ConfigureAwait(false);
    }

    private static async Task<int> SaveAsync(VerbContext context, FileInfo output, Drivers.Screenshot shot, string? display, CancellationToken ct)
    {
        output.Directory?.Create();
        var temp = output.FullName + ".part";
        await File.WriteAllBytesAsync(temp, shot.Png.ToArray(), ct).ConfigureAwait(false);
        File.Move(temp, output.FullName, overwrite: true);
        if (context.Json)
        {
            CliOutput.WriteJson(display is null
                ? new { file = output.FullName, width = shot.Size.Width, height = shot.Size.Height, url = shot.Location, device_scale_factor = shot.DeviceScaleFactor }
                : (object)new { file = output.FullName, width = shot.Size.Width, height = shot.Size.Height, display, window = shot.Location, device_scale_factor = shot.DeviceScaleFactor });
        }
        else
        {
            CliOutput.Out.WriteLine($"{output.FullName} ({shot.Size}, {shot.Png.Length / 1024.0:0.#} KB) of {(display is null ? shot.Location : $"the display {display}")}");
        }

        return 0;
    }
}
