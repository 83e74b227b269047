using System.Globalization;
using System.Text;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>Draws scenes of simple objects (cars, trees, houses, people, shapes) as one SVG, each object a <c>&lt;g data-box&gt;</c>.</summary>
internal static class SceneSvg
{
    private static readonly Dictionary<string, string> _colors = new(StringComparer.Ordinal)
    {
        ["red"] = "#d62728", ["blue"] = "#1f5fbf", ["green"] = "#2ca02c", ["yellow"] = "#f2c200", ["orange"] = "#ff7f0e",
        ["purple"] = "#8e44ad", ["black"] = "#222222", ["white"] = "#f4f4f4", ["brown"] = "#8b5a2b", ["gray"] = "#8a8a8a",
    };

    public static string Draw(string background, IEnumerable<SceneObject> objects)
    {
        var svg = new StringBuilder();
        svg.Append(Fmt($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SceneImage.Width}\" height=\"{SceneImage.Height}\">"));
        svg.Append(Background(background));
        foreach (var o in objects)
        {
            svg.Append(Fmt($"<g data-box=\"{o.Id}\">")).Append(Shape(o)).Append("</g>");
        }

        return SceneImage.Page(svg.Append("</svg>").ToString());
    }

    private static string Background(string kind) => kind switch
    {
        "street" => "<rect width=\"640\" height=\"270\" fill=\"#cfe8ff\"/><rect y=\"270\" width=\"640\" height=\"210\" fill=\"#7d7d7d\"/>"
            + "<rect y=\"420\" width=\"640\" height=\"6\" fill=\"#e6e6e6\"/>",
        "town" => "<rect width=\"640\" height=\"300\" fill=\"#cfe8ff\"/><rect y=\"300\" width=\"640\" height=\"180\" fill=\"#7cc26b\"/>",
        "parking" => "<rect width=\"640\" height=\"480\" fill=\"#6b6b6b\"/><rect x=\"318\" y=\"20\" width=\"4\" height=\"440\" fill=\"#f0f0f0\"/>"
            + "<rect x=\"20\" y=\"238\" width=\"600\" height=\"4\" fill=\"#f0f0f0\"/>",
        _ => "<rect width=\"640\" height=\"480\" fill=\"#ffffff\"/>",
    };

    private static string Shape(SceneObject o)
    {
        var c = _colors.GetValueOrDefault(o.Color, o.Color);
        var (x, y, w, h) = (o.X, o.Y, o.W, o.H);
        return o.Kind switch
        {
            "car" => Fmt($"<rect x=\"{x}\" y=\"{y + (0.38 * h)}\" width=\"{w}\" height=\"{0.42 * h}\" rx=\"{0.08 * h}\" fill=\"{c}\"/>")
                + Fmt($"<rect x=\"{x + (0.22 * w)}\" y=\"{y}\" width=\"{0.5 * w}\" height=\"{0.45 * h}\" rx=\"{0.1 * h}\" fill=\"{c}\"/>")
                + Fmt($"<rect x=\"{x + (0.27 * w)}\" y=\"{y + (0.07 * h)}\" width=\"{0.18 * w}\" height=\"{0.26 * h}\" fill=\"#bfe3ff\"/>")
                + Fmt($"<rect x=\"{x + (0.49 * w)}\" y=\"{y + (0.07 * h)}\" width=\"{0.18 * w}\" height=\"{0.26 * h}\" fill=\"#bfe3ff\"/>")
                + Fmt($"<circle cx=\"{x + (0.22 * w)}\" cy=\"{y + (0.8 * h)}\" r=\"{0.2 * h}\" fill=\"#111\"/>")
                + Fmt($"<circle cx=\"{x + (0.78 * w)}\" cy=\"{y + (0.8 * h)}\" r=\"{0.2 * h}\" fill=\"#111\"/>"),
            "tree" => Fmt($"<rect x=\"{x + (0.4 * w)}\" y=\"{y + (0.55 * h)}\" width=\"{0.2 * w}\" height=\"{0.45 * h}\" fill=\"#8b5a2b\"/>")
                + Fmt($"<ellipse cx=\"{x + (0.5 * w)}\" cy=\"{y + (0.32 * h)}\" rx=\"{0.5 * w}\" ry=\"{0.32 * h}\" fill=\"{c}\"/>"),
            "house" => Fmt($"<rect x=\"{x}\" y=\"{y + (0.4 * h)}\" width=\"{w}\" height=\"{0.6 * h}\" fill=\"{c}\"/>")
                + Fmt($"<polygon points=\"{x},{y + (0.4 * h)} {x + (0.5 * w)},{y} {x + w},{y + (0.4 * h)}\" fill=\"#a33a2a\"/>")
                + Fmt($"<rect x=\"{x + (0.4 * w)}\" y=\"{y + (0.68 * h)}\" width=\"{0.2 * w}\" height=\"{0.32 * h}\" fill=\"#5a3a1a\"/>"),
            "person" => Fmt($"<circle cx=\"{x + (0.5 * w)}\" cy=\"{y + (0.12 * h)}\" r=\"{0.12 * h}\" fill=\"#f1c27d\"/>")
                + Fmt($"<rect x=\"{x}\" y=\"{y + (0.26 * h)}\" width=\"{w}\" height=\"{0.4 * h}\" rx=\"{0.1 * w}\" fill=\"{c}\"/>")
                + Fmt($"<rect x=\"{x + (0.12 * w)}\" y=\"{y + (0.66 * h)}\" width=\"{0.3 * w}\" height=\"{0.34 * h}\" fill=\"#333\"/>")
                + Fmt($"<rect x=\"{x + (0.58 * w)}\" y=\"{y + (0.66 * h)}\" width=\"{0.3 * w}\" height=\"{0.34 * h}\" fill=\"#333\"/>"),
            "circle" => Fmt($"<ellipse cx=\"{x + (w / 2)}\" cy=\"{y + (h / 2)}\" rx=\"{w / 2}\" ry=\"{h / 2}\" fill=\"{c}\"/>"),
            "square" => Fmt($"<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{c}\"/>"),
            "triangle" => Fmt($"<polygon points=\"{x},{y + h} {x + (w / 2)},{y} {x + w},{y + h}\" fill=\"{c}\"/>"),
            _ => throw new InvalidOperationException($"No drawing for '{o.Kind}'."),
        };
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
