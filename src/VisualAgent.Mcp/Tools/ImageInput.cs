using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Imaging;
using VisualAgent.Vision;

namespace VisualAgent.Mcp.Tools;

/// <summary>An image the caller names by path (PNG or JPEG), as a screenshot in its own pixels.</summary>
internal static class ImageInput
{
    public static async Task<Screenshot> ReadAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UsageException($"image_path '{path}' does not exist (relative paths are from the server's working directory {Directory.GetCurrentDirectory()}): give the path of a PNG or JPEG file.");
        }

        var bytes = await ImageFile.ReadAsync(full, ct).ConfigureAwait(false);
        using var image = Image.Decode(bytes);
        return new Screenshot { Png = ImageHeader.DetectFormat(bytes) == "png" ? bytes : image.EncodePng(), Size = image.Size, Location = full };
    }
}
