namespace VisualAgent.Bench.BuiltIn;

/// <summary>
/// A picture of a built-in set: a file name and the HTML that draws it at 640x480. Elements carrying
/// <c>data-box="ID"</c> are annotated with their bounding box.
/// </summary>
internal sealed record SceneImage(string Name, string Html)
{
    public const int Width = 640;
    public const int Height = 480;

    public string FileName => Name + ".png";

    /// <summary>A whole page around <paramref name="body"/>: fixed 640x480, no margins, no scroll bars, local fonts only.</summary>
    public static string Page(string body, string css = "") => $$"""
        <!doctype html><html><head><meta charset="utf-8"><style>
        html, body { margin: 0; width: {{Width}}px; height: {{Height}}px; overflow: hidden; background: #fff;
          font-family: "DejaVu Sans", "Liberation Sans", sans-serif; }
        svg { display: block; }
        {{css}}
        </style></head><body>{{body}}</body></html>
        """;
}
