using System.Text.Json.Serialization;

namespace VisualAgent.Geometry;

/// <summary>An axis-aligned box in screenshot pixels, corners (X1, Y1) and (X2, Y2), X1 &lt;= X2, Y1 &lt;= Y2.</summary>
public readonly record struct ScreenBox(double X1, double Y1, double X2, double Y2)
{
    [JsonIgnore]
    public double Width => X2 - X1;

    [JsonIgnore]
    public double Height => Y2 - Y1;

    [JsonIgnore]
    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    [JsonIgnore]
    public ScreenPoint Center => new((X1 + X2) / 2, (Y1 + Y2) / 2);

    /// <summary>Makes a box from two corners given in any order.</summary>
    public static ScreenBox FromCorners(double xa, double ya, double xb, double yb) =>
        new(Math.Min(xa, xb), Math.Min(ya, yb), Math.Max(xa, xb), Math.Max(ya, yb));

    public static ScreenBox FromXywh(double x, double y, double w, double h) => FromCorners(x, y, x + w, y + h);

    /// <summary>Point-in-box, inclusive of the edges (the rule the benchmark states in its reports).</summary>
    public bool Contains(ScreenPoint p) => p.X >= X1 && p.X <= X2 && p.Y >= Y1 && p.Y <= Y2;

    public double IntersectionOverUnion(ScreenBox other)
    {
        var ix = Math.Max(0, Math.Min(X2, other.X2) - Math.Max(X1, other.X1));
        var iy = Math.Max(0, Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1));
        var inter = ix * iy;
        var union = Area + other.Area - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /// <summary>Moves the box into the image; <paramref name="clamped"/> says whether it moved.</summary>
    public ScreenBox ClampTo(PixelSize size, out bool clamped)
    {
        var a = new ScreenPoint(X1, Y1).ClampTo(size, out var ca);
        var b = new ScreenPoint(X2, Y2).ClampTo(size, out var cb);
        clamped = ca || cb;
        return FromCorners(a.X, a.Y, b.X, b.Y);
    }

    public ScreenBox Inflate(double by) => new(X1 - by, Y1 - by, X2 + by, Y2 + by);

    public double[] ToArray() => [X1, Y1, X2, Y2];

    public override string ToString() => FormattableString.Invariant($"[{X1:0.###}, {Y1:0.###}, {X2:0.###}, {Y2:0.###}]");
}
