using VisualAgent.Geometry;

namespace VisualAgent.Models.Dialects;

/// <summary>
/// A model's coordinate space and the one place that maps it to screenshot pixels of the original image and back.
/// A model number v becomes a pixel of the image sent as <c>v * Unit - Pad</c>, and that pixel becomes an original
/// pixel by the ratio original / sent. Results just outside the image (within <see cref="ClampMargin"/> of a side, a
/// model's rounding at the border) are clamped into [0, size - 1]; parsers reject points further out (<see cref="IsFarOutside"/>).
/// </summary>
public readonly record struct ModelSpace
{
    private readonly double _unitX;
    private readonly double _unitY;
    private readonly double _padX;
    private readonly double _padY;
    private readonly double _scaleX;
    private readonly double _scaleY;

    private ModelSpace(ReplyContext context, double unitX, double unitY, double padX, double padY)
    {
        var sent = Sent(context);
        Original = context.OriginalSize;
        _unitX = unitX;
        _unitY = unitY;
        _padX = padX;
        _padY = padY;
        _scaleX = Original.Width / (double)sent.Width;
        _scaleY = Original.Height / (double)sent.Height;
    }

    /// <summary>How far beyond an edge a point may lie and still be clamped onto the image: 5 % of that side (at least 2 pixels).</summary>
    public const double ClampMargin = 0.05;

    public PixelSize Original { get; }

    /// <summary>A relative grid: 0..divisor across the image (Qwen3-VL 1000 or 999, Qwen2-VL 1000, MiniGPT-v2 100).</summary>
    public static ModelSpace Grid(ReplyContext context, double divisor)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!(divisor > 0) || !double.IsFinite(divisor))
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, "The grid divisor must be a positive number.");
        }

        var sent = Sent(context);
        return new ModelSpace(context, sent.Width / divisor, sent.Height / divisor, 0, 0);
    }

    /// <summary>Absolute pixels of the image as sent (Qwen2.5-VL, UI-TARS-1.5, generic JSON).</summary>
    public static ModelSpace SentPixels(ReplyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ModelSpace(context, 1, 1, 0, 0);
    }

    /// <summary>
    /// Normalised floats 0..1 (LLaVA). With <paramref name="padToSquare"/> they are relative to the square the image was
    /// padded to (expand2square pastes the image at ((side - w) // 2, (side - h) // 2)).
    /// </summary>
    public static ModelSpace Normalized(ReplyContext context, bool padToSquare)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sent = Sent(context);
        if (!padToSquare)
        {
            return new ModelSpace(context, sent.Width, sent.Height, 0, 0);
        }

        var side = Math.Max(sent.Width, sent.Height);
        return new ModelSpace(context, side, side, (side - sent.Width) / 2, (side - sent.Height) / 2);
    }

    /// <summary>Maps a model point to screenshot pixels, clamped into the image; <paramref name="clamped"/> says whether it moved.</summary>
    public ScreenPoint ToScreen(double x, double y, out bool clamped)
    {
        var sx = ((x * _unitX) - _padX) * _scaleX;
        var sy = ((y * _unitY) - _padY) * _scaleY;
        var cx = Clamp(sx, Original.Width);
        var cy = Clamp(sy, Original.Height);
        clamped = cx != sx || cy != sy;
        return new ScreenPoint(cx, cy);
    }

    /// <summary>
    /// True when the model point maps further outside the image than <see cref="ClampMargin"/> (or is not a finite
    /// number): such a point is nonsense to act on, not something to clamp into a corner.
    /// </summary>
    public bool IsFarOutside(double x, double y)
    {
        var sx = ((x * _unitX) - _padX) * _scaleX;
        var sy = ((y * _unitY) - _padY) * _scaleY;
        return Beyond(sx, Original.Width) || Beyond(sy, Original.Height);
    }

    /// <summary>Maps a screenshot point to the model's numbers (unrounded): the inverse of <see cref="ToScreen"/>.</summary>
    public (double X, double Y) FromScreen(ScreenPoint point) =>
        (((point.X / _scaleX) + _padX) / _unitX, ((point.Y / _scaleY) + _padY) / _unitY);

    private static bool Beyond(double value, int side)
    {
        var margin = Math.Max(2, side * ClampMargin);
        return !double.IsFinite(value) || value < -margin || value > side - 1 + margin;
    }

    private static double Clamp(double value, int side) =>
        double.IsNaN(value) ? 0 : Math.Clamp(value, 0, Math.Max(0, side - 1));

    private static PixelSize Sent(ReplyContext context) =>
        context.SentSize.IsEmpty ? context.OriginalSize : context.SentSize;
}
