using System.CommandLine;
using VisualAgent.Cli.Hosting;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Grounding;
using VisualAgent.Vision;
using VisualAgent.Imaging;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent ground --model P --image shot.png "the Export CSV button"`: point, box, annotated PNG.</summary>
internal static class GroundCommand
{
    private static readonly Option<string> ModelOption = new("--model", "-m") { Description = "Model profile (ocr = the offline OCR grounder).", DefaultValueFactory = _ => "ocr" };

    private static readonly Option<FileInfo> ImageOption = new("--image") { Description = "Screenshot (PNG or JPEG).", Required = true };

    private static readonly Option<FileInfo?> OutOption = new("--out", "-o") { Description = "Annotated PNG to write (default: IMAGE.grounded.png beside the image)." };

    private static readonly Argument<string> InstructionArgument = new("instruction") { Description = "What to find, e.g. \"the Export CSV button\"." };

    public static Command Create()
    {
        var command = new Command("ground", "Find a described element on a screenshot: prints point and box, writes an annotated PNG.\nExample: visual-agent ground --model ocr --image shot.png \"the Export CSV button\"");
        command.Options.Add(ModelOption);
        command.Options.Add(ImageOption);
        command.Options.Add(OutOption);
        command.Options.Add(CommonOptions.Json);
        command.Arguments.Add(InstructionArgument);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var file = context.Get(ImageOption)!;
        var output = context.Get(OutOption) ?? new FileInfo(Path.ChangeExtension(file.FullName, null) + ".grounded.png");
        if (SamePath(output.FullName, file.FullName))
        {
            throw new UsageException($"--out '{output.FullName}' is the input image: the annotated copy would overwrite it. Give another --out file.");
        }

        var bytes = await ImageFile.ReadAsync(file.FullName, ct).ConfigureAwait(false);
        Screenshot shot;
        using (var image = Image.Decode(bytes))
        {
            shot = new Screenshot { Png = ImageHeader.DetectFormat(bytes) == "png" ? bytes : image.EncodePng(), Size = image.Size };
        }

        await using var stack = await ModelStacks.OpenAsync(context, context.Get(ModelOption)!, ct).ConfigureAwait(false);
        var result = await stack.Grounder.GroundAsync(new GroundingRequest(shot, context.Get(InstructionArgument)!), ct).ConfigureAwait(false);
        if (result.Found)
        {
            await File.WriteAllBytesAsync(output.FullName, Annotations.AnnotateStep(shot.Png.Span, result.Point, result.Box, context.Get(InstructionArgument)), ct).ConfigureAwait(false);
        }

        if (context.Json)
        {
            CliOutput.WriteJson(new
            {
                model = stack.Profile.Name,
                simulated = stack.Simulated,
                found = result.Found,
                point = result.Found ? new[] { result.Point.X, result.Point.Y } : null,
                box = result.Box?.ToArray(),
                confidence = result.Confidence,
                clamped = result.Clamped,
                sent_size = result.SentSize?.ToString(),
                latency_ms = result.Latency.TotalMilliseconds,
                error = result.Error,
                raw = result.Raw,
                annotated = result.Found ? output.FullName : null,
            });
        }
        else if (result.Found)
        {
            CliOutput.Out.WriteLine($"point {result.Point}" + (result.Box is { } b ? $"  box {b}" : "") + $"  confidence {result.Confidence:0.00}" + (stack.Simulated ? "  (simulated model)" : ""));
            CliOutput.Out.WriteLine($"annotated: {output.FullName}");
        }
        else
        {
            CliOutput.Error($"not found: {result.Error}");
        }

        return result.Found ? ExitCodes.Success : ExitCodes.TaskFailed;
    }

    /// <summary>True when both paths name one file (also through a symbolic link to it).</summary>
    private static bool SamePath(string a, string b)
    {
        static string Resolve(string path) =>
            File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : Path.GetFullPath(path);

        return string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
