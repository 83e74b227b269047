namespace VisualAgent.Bench.BuiltIn;

/// <summary>A text document for the OCR set: its lines in reading order and the HTML that lays them out.</summary>
internal sealed record OcrDocument(string Name, IReadOnlyList<string> Lines, string Css, string Body, string SkewTransform)
{
    /// <summary>The variants every document is rendered in, with the CSS each adds.</summary>
    public static readonly IReadOnlyList<(string Variant, Func<OcrDocument, string> Css)> Variants =
    [
        ("clean", _ => ""),
        ("low-contrast", _ => "body { background: #c6c6c6 !important; } .doc, .doc * { color: #a2a2a2 !important; background: #c6c6c6 !important;"
            + " border-color: #b8b8b8 !important; box-shadow: none !important; }"),
        ("blurred", _ => ".doc { filter: blur(0.8px); }"),
        ("skewed", d => $".doc {{ transform: {d.SkewTransform}; transform-origin: center; }}"),
    ];

    /// <summary>The page for one variant; line i is the element <c>data-box="line-i"</c>.</summary>
    public SceneImage Render(string variant, string variantCss) =>
        new($"{Name}-{variant}", SceneImage.Page(Body, Css + "\n" + variantCss));

    /// <summary>The line spans of a block: each line its own span (for a tight box) in its own row.</summary>
    public static string LineRows(IReadOnlyList<string> lines, int first = 0) =>
        string.Concat(lines.Select((l, i) => $"<div class=\"row\"><span data-box=\"line-{first + i}\">{System.Net.WebUtility.HtmlEncode(l)}</span></div>"));
}
