namespace VisualAgent.Vision;

/// <summary>An 8-bit RGB colour for annotations.</summary>
public readonly record struct DrawColor(byte R, byte G, byte B)
{
    public static DrawColor Red => new(230, 25, 25);

    public static DrawColor Green => new(20, 170, 60);

    public static DrawColor Blue => new(30, 90, 230);

    public static DrawColor Yellow => new(255, 215, 0);

    public static DrawColor White => new(255, 255, 255);

    public static DrawColor Black => new(0, 0, 0);
}
