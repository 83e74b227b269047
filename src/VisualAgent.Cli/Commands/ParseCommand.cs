using System.CommandLine;
using System.Text.Json;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent parse`: a raw model reply -> one contract JSON action line in original-image pixels.</summary>
internal static class ParseCommand
{
    private static readonly Option<string?> DialectOption = new("--dialect") { Description = $"Model family: {string.Join(", ", DialectRegistry.Ids)}." };

    private static readonly Option<string?> ImageSizeOption = new("--image-size") { Description = "Size of the original screenshot, WIDTHxHEIGHT." };

    private static readonly Option<string?> InputSizeOption = new("--input-size") { Description = "Exact size the model saw, WIDTHxHEIGHT (default: the family's smart resize of --image-size)." };

    private static readonly Option<long?> MinPixelsOption = new("--min-pixels") { Description = "Image budget lower bound used to derive the size the model saw." };

    private static readonly Option<long?> MaxPixelsOption = new("--max-pixels") { Description = "Image budget upper bound used to derive the size the model saw." };

    private static readonly Option<double> DivisorOption = new("--divisor") { Description = "Qwen3-VL grid divisor: 1000 (default) or 999.", DefaultValueFactory = _ => 1000 };

    private static readonly Option<FileInfo?> JsonlOption = new("--jsonl") { Description = "Batch: lines {\"raw\", \"image_width\", \"image_height\"} (+ optional \"dialect\", \"min_pixels\", \"max_pixels\"); one output line each, in order." };

    private static readonly Argument<string?> RawArgument = new("raw") { Description = "The model's reply text.", Arity = ArgumentArity.ZeroOrOne };

    public static Command Create()
    {
        var command = new Command("parse", "Parse a model reply in its family's dialect into one JSON action in original-image pixels.\nExample: visual-agent parse --dialect qwen3-vl --image-size 1920x1080 '<tool_call>{\"name\": \"computer_use\", \"arguments\": {\"action\": \"left_click\", \"coordinate\": [500, 500]}}</tool_call>'");
        command.Options.Add(DialectOption);
        command.Options.Add(ImageSizeOption);
        command.Options.Add(InputSizeOption);
        command.Options.Add(MinPixelsOption);
        command.Options.Add(MaxPixelsOption);
        command.Options.Add(DivisorOption);
        command.Options.Add(JsonlOption);
        command.Arguments.Add(RawArgument);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var divisor = context.Get(DivisorOption);
        if (context.Get(JsonlOption) is { } file)
        {
            return await RunBatchAsync(context, file, divisor, ct).ConfigureAwait(false);
        }

        var raw = context.Get(RawArgument) ?? throw new UsageException("Give the reply text as the argument, or --jsonl FILE for a batch.");
        var dialect = context.Get(DialectOption) ?? throw new UsageException($"--dialect is required: one of {string.Join(", ", DialectRegistry.Ids)}.");
        var imageSize = Size(context.Get(ImageSizeOption), "--image-size") ?? throw new UsageException("--image-size WIDTHxHEIGHT is required (the original screenshot's size).");
        var line = DialectParsing.ParseToJson(dialect, raw, imageSize, Size(context.Get(InputSizeOption), "--input-size"), context.Get(MinPixelsOption), context.Get(MaxPixelsOption), divisor);
        Console.Out.WriteLine(line);
        return line.StartsWith("{\"error\"", StringComparison.Ordinal) ? ExitCodes.TaskFailed : ExitCodes.Success;
    }

    private static async Task<int> RunBatchAsync(VerbContext context, FileInfo file, double divisor, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new UsageException($"The batch file '{file.FullName}' does not exist.");
        }

        var defaultDialect = context.Get(DialectOption);
        var number = 0;
        var errors = 0;
        await foreach (var text in File.ReadLinesAsync(file.FullName, ct).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string output;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                var raw = root.GetProperty("raw").GetString() ?? "";
                var dialect = root.TryGetProperty("dialect", out var d) ? d.GetString() : defaultDialect;
                var size = new PixelSize(root.GetProperty("image_width").GetInt32(), root.GetProperty("image_height").GetInt32());
                long? min = root.TryGetProperty("min_pixels", out var mn) ? mn.GetInt64() : context.Get(MinPixelsOption);
                long? max = root.TryGetProperty("max_pixels", out var mx) ? mx.GetInt64() : context.Get(MaxPixelsOption);
                output = dialect is null
                    ? DialectParsing.Error($"line {number}: no \"dialect\" and no --dialect", raw)
                    : DialectParsing.ParseToJson(dialect, raw, size, null, min, max, divisor);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or VisualAgentException)
            {
                output = JsonSerializer.Serialize(new { error = $"line {number}: {ex.Message}" });
            }

            if (output.StartsWith("{\"error\"", StringComparison.Ordinal))
            {
                errors++;
            }

            Console.Out.WriteLine(output);
        }

        if (errors > 0)
        {
            CliOutput.Info($"{errors} of {number} lines did not parse");
        }

        return ExitCodes.Success;
    }

    private static PixelSize? Size(string? text, string option) =>
        text is null ? null : PixelSize.TryParse(text, out var s) ? s : throw new UsageException($"{option} '{text}' is not WIDTHxHEIGHT, e.g. 1920x1080.");
}
