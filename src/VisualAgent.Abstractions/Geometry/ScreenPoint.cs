namespace VisualAgent.Geometry;

/// <summary>
/// A point in screenshot pixels of the original image: the one coordinate space drivers and trajectories use.
/// A model's own space (a 0..1000 grid, resized-image pixels, normalised floats) has its own types in the model layer.
/// </summary>
public readonly record struct ScreenPoint(double X, double Y)
{
    public double DistanceTo(ScreenPoint other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));

    /// <summary>Moves the point into [0, width-1] x [0, height-1]; <paramref name="clamped"/> says whether it moved.</summary>
    public ScreenPoint ClampTo(PixelSize size, out bool clamped)
    {
        var x = Math.Clamp(double.IsFinite(X) ? X : 0, 0, Math.Max(0, size.Width - 1));
        var y = Math.Clamp(double.IsFinite(Y) ? Y : 0, 0, Math.Max(0, size.Height - 1));
        clamped = x != X || y != Y;
        return new ScreenPoint(x, y);
    }

    public override string ToString() => FormattableString.Invariant($"({X:0.###}, {Y:0.###})");
}
