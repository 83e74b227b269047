using System.Globalization;
using System.Text;

namespace VisualAgent.Vision.Ocr;

/// <summary>All words and lines found on an image, boxes in the image's pixels.</summary>
public sealed record OcrResult(IReadOnlyList<OcrWord> Words, IReadOnlyList<OcrLine> Lines)
{
    public static OcrResult Empty { get; } = new([], []);

    /// <summary>The lines' text, one per line.</summary>
    public string FullText => string.Join('\n', Lines.Select(l => l.Text));

    /// <summary>Tab-separated words: level, line, left, top, width, height, conf, text (a header row first).</summary>
    public string ToTsv()
    {
        var sb = new StringBuilder("level\tline\tleft\ttop\twidth\theight\tconf\ttext\n");
        foreach (var w in Words)
        {
            sb.Append(CultureInfo.InvariantCulture, $"word\t{w.LineIndex}\t{w.Box.X1:0}\t{w.Box.Y1:0}\t{w.Box.Width:0}\t{w.Box.Height:0}\t{w.Confidence:0.##}\t")
                .Append(w.Text.Replace('\t', ' ')).Append('\n');
        }

        return sb.ToString();
    }
}
