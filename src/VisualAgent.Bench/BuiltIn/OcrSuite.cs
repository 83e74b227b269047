namespace VisualAgent.Bench.BuiltIn;

/// <summary>
/// ocr-samples: four documents (paragraph, receipt, settings dialog, street sign), each clean, low-contrast,
/// blurred (CSS blur(0.8px)) and skewed (rotate(3deg) or skewX(-8deg)): 16 samples. "text" is the lines joined by
/// newlines; every line has its box; "variant" and "document" are group fields.
/// </summary>
internal static class OcrSuite
{
    public static async Task WriteAsync(SceneRenderer renderer, string suitePath, CancellationToken ct)
    {
        var lines = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var document in OcrDocuments.All)
        {
            foreach (var (variant, css) in OcrDocument.Variants)
            {
                var image = await renderer.RenderAsync(document.Render(variant, css(document)), ct).ConfigureAwait(false);
                lines.Add(new Dictionary<string, object?>
                {
                    ["id"] = $"ocr-{document.Name}-{variant}",
                    ["image"] = image.RelativePath,
                    ["text"] = string.Join('\n', document.Lines),
                    ["lines"] = document.Lines.Select((text, i) => new Dictionary<string, object?> { ["text"] = text, ["bbox"] = image.Box($"line-{i}") }).ToList(),
                    ["variant"] = variant,
                    ["document"] = document.Name,
                });
            }
        }

        await SuiteWriter.WriteAsync(suitePath, lines, ct).ConfigureAwait(false);
    }
}
