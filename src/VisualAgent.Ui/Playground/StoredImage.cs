using VisualAgent.Drivers;
using VisualAgent.Geometry;

namespace VisualAgent.Ui.Playground;

/// <summary>An uploaded image as the server holds it: PNG bytes (a JPEG is converted once), its size and its file name.</summary>
internal sealed record StoredImage(string Id, string Name, byte[] Png, PixelSize Size)
{
    public Screenshot ToScreenshot() => new() { Png = Png, Size = Size, Location = Name };

    public object Describe() => new { id = Id, name = Name, width = Size.Width, height = Size.Height, bytes = Png.Length };
}
