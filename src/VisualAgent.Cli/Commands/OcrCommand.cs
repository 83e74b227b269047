using Microsoft.Extensions.Configuration;
using System.CommandLine;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Imaging;
using VisualAgent.Vision;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent ocr --image F [--format text|tsv|json] [--lang eng+deu]`.</summary>
internal static class OcrCommand
{
    private static readonly Option<FileInfo> ImageOption = new("--image") { Description = "Image (PNG or JPEG).", Required = true };

    private static readonly Option<string> FormatOption = new("--format") { Description = "text, tsv (Tesseract's columns) or json (words and lines with boxes).", DefaultValueFactory = _ => "text" };

    private static readonly Option<string?> LangOption = new("--lang") { Description = "Tesseract languages, e.g. eng or eng+deu (default: Ocr:Languages)." };

    private static readonly Option<int?> PsmOption = new("--psm") { Description = "Page segmentation mode (default: Ocr:PageSegMode, 11)." };

    public static Command Create()
    {
        FormatOption.AcceptOnlyFromAmong("text", "tsv", "json");
        var command = new Command("ocr", "Read the text of an image with Tesseract: words and lines with boxes and confidences.\nExample: visual-agent ocr --image shot.png --format json");
        command.Options.Add(ImageOption);
        command.Options.Add(FormatOption);
        command.Options.Add(LangOption);
        command.Options.Add(PsmOption);
        command.Options.Add(CommonOptions.Json);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var file = context.Get(ImageOption)!;
        var bytes = await ImageFile.ReadAsync(file.FullName, ct).ConfigureAwait(false);
        var options = context.Configuration.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions();
        options.Languages = context.Get(LangOption) ?? options.Languages;
        options.PageSegMode = context.Get(PsmOption) ?? options.PageSegMode;
        using var ocr = new TesseractOcr(options);
        await ocr.EnsureAvailableAsync(ct).ConfigureAwait(false);
        using var image = Image.Decode(bytes);
        var result = await ocr.RecognizeAsync(image, null, ct).ConfigureAwait(false);
        switch (context.Json ? "json" : context.Get(FormatOption))
        {
            case "json":
                CliOutput.WriteJson(new
                {
                    width = image.Width,
                    height = image.Height,
                    text = result.FullText,
                    lines = result.Lines.Select(l => new { text = l.Text, bbox = l.Box.ToArray(), confidence = l.Confidence }),
                    words = result.Words.Select(w => new { text = w.Text, bbox = w.Box.ToArray(), confidence = w.Confidence, line = w.LineIndex }),
                });
                break;
            case "tsv":
                Console.Out.Write(result.ToTsv());
                break;
            default:
                Console.Out.WriteLine(result.FullText);
                break;
        }

        return ExitCodes.Success;
    }
}
