using System.CommandLine;
using System.Globalization;
using VisualAgent.Bench.Datasets;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent bench grounding-set`: a grounding set from a folder of pages (by default ../shared/devpages).</summary>
internal static class BenchGroundingSetCommand
{
    private static readonly Option<DirectoryInfo?> PagesOption = new("--pages") { Description = "The folder of pages (its tasks.json names them, else every .html under it). Default: shared/devpages above the working directory." };

    private static readonly Option<DirectoryInfo> OutOption = new("--out", "-o") { Description = "Output folder: grounding-samples.json (text-named), icon-only.json, images/.", Required = true };

    private static readonly Option<string[]> PageOption = new("--page") { Description = "Only pages whose path contains this (repeatable)." };

    private static readonly Option<string> ViewportOption = new("--viewport") { Description = "Viewport WxH in CSS pixels.", DefaultValueFactory = _ => "1280x800" };

    private static readonly Option<string> AnchorOption = new("--anchor") { Description = "CSS selector: one screenshot per match, scrolled to it (none matched: the top of the page).", DefaultValueFactory = _ => PageFolderSetOptions.DevPagesAnchors };

    public static Command Create()
    {
        var command = new Command("grounding-set", "Photograph a folder of pages and write a grounding set: every visible interactive element whose accessible name is the text it shows (DOM boxes as truth); icon-only elements in a file apart.\n"
            + "Example: visual-agent bench grounding-set --pages ../shared/devpages --out bench-out/devpages-set, then visual-agent bench run --suite bench-out/devpages-set/grounding-samples.json --models ocr");
        foreach (var option in new Option[] { PagesOption, OutOption, PageOption, ViewportOption, AnchorOption, CommonOptions.Json })
        {
            command.Options.Add(option);
        }

        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var pages = context.Get(PagesOption)?.FullName ?? DevPagesFolder.Find()
            ?? throw new UsageException($"No --pages folder given and {DevPagesFolder.Relative} was not found above the working directory.");
        var options = new PageFolderSetOptions
        {
            Viewport = ParseViewport(context.Get(ViewportOption)!),
            AnchorSelector = context.Get(AnchorOption)!,
            Pages = context.Get(PageOption) ?? [],
            Browser = BrowserCommandOptions.ReadOptions(context),
        };
        var outDir = context.Get(OutOption)!.FullName;
        var summary = await PageFolderSetGenerator.GenerateAsync(pages, outDir, options, new Progress<string>(CliOutput.Info), ct).ConfigureAwait(false);
        if (context.Json)
        {
            CliOutput.WriteJson(summary);
            return ExitCodes.Success;
        }

        CliOutput.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.TextNamed} text-named target(s) on {summary.Screenshots} screenshot(s) of {summary.Pages} page(s): {summary.AnnotationFile}"));
        CliOutput.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.IconOnly} icon-only target(s) apart: {summary.IconOnlyFile}; {summary.NameDiffers} left out (name is not the text shown); {summary.DroppedDuplicates} repeat(s) past the ordinal limit dropped"));
        CliOutput.Out.WriteLine("by kind: " + string.Join(", ", summary.ByKind.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value}"))));
        return ExitCodes.Success;
    }

    private static PixelSize ParseViewport(string text)
    {
        var parts = text.Split('x', 'X');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h)
            ? new PixelSize(w, h)
            : throw new UsageException($"--viewport '{text}' is not WxH, e.g. 1280x800.");
    }
}
