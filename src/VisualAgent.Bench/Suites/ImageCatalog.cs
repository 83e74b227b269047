using VisualAgent.Geometry;
using VisualAgent.Vision;
using VisualAgent.Imaging;

namespace VisualAgent.Bench.Suites;

/// <summary>Resolves suite image paths and reads their sizes from the file headers (cached per path).</summary>
internal sealed class ImageCatalog(string folder)
{
    private readonly Dictionary<string, PixelSize?> _sizes = new(StringComparer.Ordinal);

    public string Folder { get; } = folder;

    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Folder, relative));

    /// <summary>The image's size, or null with a reason when it is missing or not a PNG/JPEG.</summary>
    public PixelSize? SizeOf(string fullPath, out string? problem)
    {
        problem = null;
        if (!_sizes.TryGetValue(fullPath, out var size))
        {
            size = Read(fullPath);
            _sizes[fullPath] = size;
        }

        if (size is null)
        {
            problem = ImageFile.Problem(fullPath) ?? $"image '{fullPath}' is not a readable PNG or JPEG";
        }

        return size;
    }

    private static PixelSize? Read(string path)
    {
        // Only regular files are opened (a device or a named pipe named in a suite neither hangs nor fills memory).
        if (ImageFile.ReadHead(path, 1 << 18, out _) is not { } buffer)
        {
            return null;
        }

        if (ImageHeader.TryReadSize(buffer, out var size) && !size.IsEmpty)
        {
            return size;
        }

        if (ImageHeader.DetectFormat(buffer) != "jpeg" || buffer.Length < 1 << 18)
        {
            return null;
        }

        // A JPEG whose size marker lies beyond the first 256 KiB: read it all (at most ImageFile.MaxBytes).
        var all = ImageFile.ReadHead(path, (int)ImageFile.MaxBytes, out _);
        return all is not null && ImageHeader.TryReadSize(all, out size) && !size.IsEmpty ? size : null;
    }

    /// <summary>Why <paramref name="box"/> does not fit an image of <paramref name="size"/> (1 px tolerance), or null.</summary>
    public static string? BoxProblem(ScreenBox box, PixelSize size)
    {
        if (box.Width <= 0 || box.Height <= 0)
        {
            return $"box {box} is empty";
        }

        const double Tolerance = 1;
        return box.X1 < -Tolerance || box.Y1 < -Tolerance || box.X2 > size.Width + Tolerance || box.Y2 > size.Height + Tolerance
            ? $"box {box} lies outside the {size} image"
            : null;
    }
}
