using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Agent.Targets;
using VisualAgent.Drivers;
using VisualAgent.Grounding;
using VisualAgent.Vision;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Mcp.Tools;

/// <summary>The looking tools: screenshot, ground and ocr, on an image file or on the live page.</summary>
internal sealed class ImageTools(McpServices services)
{
    [McpServerTool(Name = "screenshot", ReadOnly = true, OpenWorld = true)]
    [Description("Screenshot of the live page (PNG, screenshot pixels). With url, the page goes there first (http(s)://, a file, or samples:PATH for the bundled sample apps); the first call must give one.")]
    public Task<CallToolResult> ScreenshotAsync(
        [Description("Page to open first (optional after the first call).")] string? url = null,
        [Description("Also save the PNG to this file (optional).")] string? save_to = null,
        CancellationToken cancellationToken = default) =>
        Guard.RunAsync(async () =>
        {
            var shot = await services.WithPageAsync(url, s => s.Driver.CaptureAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            string? saved = null;
            if (save_to is not null)
            {
                saved = Path.GetFullPath(save_to);
                await File.WriteAllBytesAsync(saved, shot.Png.ToArray(), cancellationToken).ConfigureAwait(false);
            }

            return ToolResults.Ok(new { width = shot.Size.Width, height = shot.Size.Height, device_scale_factor = shot.DeviceScaleFactor, url = shot.Location, saved_to = saved }, shot.Png);
        });

    [McpServerTool(Name = "ground", ReadOnly = true, OpenWorld = true)]
    [Description("Find a described element and say where it is: point and box in screenshot pixels, confidence, and on the live page the element's facts (role, name, robust locator). Works on an image file (image_path) or on the live page (url, or the page already open). model: a profile (offline = the page's accessibility tree and DOM, pixels for images; ocr = pixels only; or a configured vision-language model).")]
    public Task<CallToolResult> GroundAsync(
        [Description("What to find, e.g. \"the Export CSV button\".")] string instruction,
        [Description("A PNG or JPEG file to look at instead of the live page.")] string? image_path = null,
        [Description("Page to open first (live page only).")] string? url = null,
        [Description("Model profile (default: the server's, offline).")] string? model = null,
        CancellationToken cancellationToken = default) =>
        Guard.RunAsync(async () =>
        {
            Guard.Require(instruction, nameof(instruction));
            if (image_path is not null && url is not null)
            {
                throw new Errors.UsageException("Give image_path or url, not both: an image file is grounded on its own pixels, a url on the live page.");
            }

            var stack = await services.ModelAsync(model, cancellationToken).ConfigureAwait(false);
            if (image_path is not null)
            {
                var shot = await ImageInput.ReadAsync(image_path, cancellationToken).ConfigureAwait(false);
                var result = await stack.Grounder.GroundAsync(new GroundingRequest(shot, instruction), cancellationToken).ConfigureAwait(false);
                return ToolResults.Ok(Describe(stack.Profile.Name, stack.Simulated, "image", shot, result, null, null));
            }

            return await services.WithPageAsync(url, async session =>
            {
                var shot = await session.Driver.CaptureAsync(cancellationToken).ConfigureAwait(false);
                GroundingResult result;
                string? how = null;
                if (stack.Profile.GroundsThroughElements)
                {
                    // The offline default on a page: the accessibility tree and DOM decide, as `inspect --target` shows.
                    var snapshot = await session.Driver.QueryElementsAsync(4000, cancellationToken).ConfigureAwait(false);
                    var resolution = TargetResolver.Resolve(TargetPhrase.Parse(instruction), snapshot.Elements);
                    how = resolution.How;
                    result = resolution.Element?.VisibleBox is { } box
                        ? new GroundingResult { Found = true, Point = box.Center, Box = box, Confidence = resolution.Ambiguous ? 0.5 : 1 }
                        : new GroundingResult { Found = false, Error = resolution.Problem ?? "the element is not visible on the page" };
                }
                else
                {
                    result = await stack.Grounder.GroundAsync(new GroundingRequest(shot, instruction), cancellationToken).ConfigureAwait(false);
                }

                var facts = result.Found ? await session.Driver.ElementAtAsync(result.Point, cancellationToken).ConfigureAwait(false) : null;
                return ToolResults.Ok(Describe(stack.Profile.Name, stack.Simulated, "page", shot, result, facts, how));
            }, cancellationToken).ConfigureAwait(false);
        });

    [McpServerTool(Name = "ocr", ReadOnly = true, OpenWorld = true)]
    [Description("Read the text of an image file (image_path) or of the live page's screenshot with Tesseract: full text, lines and words with boxes in screenshot pixels.")]
    public Task<CallToolResult> OcrAsync(
        [Description("A PNG or JPEG file (else the live page).")] string? image_path = null,
        [Description("Page to open first (live page only).")] string? url = null,
        [Description("Include every word with its box (default false: lines only).")] bool words = false,
        CancellationToken cancellationToken = default) =>
        Guard.RunAsync(async () =>
        {
            var shot = image_path is not null
                ? await ImageInput.ReadAsync(image_path, cancellationToken).ConfigureAwait(false)
                : await services.WithPageAsync(url, s => s.Driver.CaptureAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            using var ocr = new TesseractOcr(services.Configuration.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions());
            await ocr.EnsureAvailableAsync(cancellationToken).ConfigureAwait(false);
            using var image = Image.Decode(shot);
            var result = await ocr.RecognizeAsync(image, null, cancellationToken).ConfigureAwait(false);
            return ToolResults.Ok(new
            {
                width = image.Width,
                height = image.Height,
                text = result.FullText,
                lines = result.Lines.Select(l => new { text = l.Text, bbox = l.Box.ToArray(), confidence = l.Confidence }),
                words = words ? result.Words.Select(w => new { text = w.Text, bbox = w.Box.ToArray(), confidence = w.Confidence, line = w.LineIndex }) : null,
            });
        });

    private static object Describe(string model, bool simulated, string source, Screenshot shot, GroundingResult result, ElementFacts? facts, string? how) => new
    {
        model,
        simulated,
        source,
        image_size = new[] { shot.Size.Width, shot.Size.Height },
        found = result.Found,
        point = result.Found ? new[] { result.Point.X, result.Point.Y } : null,
        box = result.Box?.ToArray(),
        confidence = result.Found ? result.Confidence : (double?)null,
        clamped = result.Clamped ? true : (bool?)null,
        sent_size = result.SentSize?.ToString(),
        latency_ms = result.Latency.TotalMilliseconds,
        how,
        element = facts,
        error = result.Error,
    };
}
