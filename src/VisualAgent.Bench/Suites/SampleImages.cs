using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Vision;
using VisualAgent.Imaging;

namespace VisualAgent.Bench.Suites;

/// <summary>Suite images as screenshots (PNG bytes and size), read once per path and shared by all models; JPEGs become PNG.</summary>
public sealed class SampleImages
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Screenshot>>> _cache = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<byte[], ConcurrentDictionary<PixelSize, byte[]>> _resized = new();

    public Task<Screenshot> GetAsync(string path, CancellationToken cancellationToken = default) =>
        _cache.GetOrAdd(path, p => new Lazy<Task<Screenshot>>(() => LoadAsync(p, cancellationToken))).Value;

    public async Task<IReadOnlyList<Screenshot>> GetAllAsync(BenchSample sample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var shots = new List<Screenshot>(sample.Images.Count);
        foreach (var path in sample.Images)
        {
            shots.Add(await GetAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return shots;
    }

    /// <summary>
    /// <see cref="Resize(ReadOnlyMemory{byte}, PixelSize)"/> remembering the result per image and size: a grounding
    /// suite asks many questions about one screenshot, and each model sends it at one size.
    /// </summary>
    public byte[] ResizeCached(ReadOnlyMemory<byte> png, PixelSize size)
    {
        if (!MemoryMarshal.TryGetArray(png, out var segment) || segment.Array is null || segment.Offset != 0 || segment.Count != segment.Array.Length)
        {
            return Resize(png, size);
        }

        var sizes = _resized.GetValue(segment.Array, _ => new ConcurrentDictionary<PixelSize, byte[]>());
        return sizes.GetOrAdd(size, s => Resize(png, s));
    }

    /// <summary>Resizes PNG bytes to exactly <paramref name="size"/> (the Vision layer's resizer).</summary>
    public static byte[] Resize(ReadOnlyMemory<byte> png, PixelSize size) => PngResizer.Resize(png, size);

    private static async Task<Screenshot> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await ImageFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (ImageHeader.DetectFormat(bytes) != "png")
        {
            using var image = Image.Decode(bytes);
            return new Screenshot { Png = image.EncodePng(), Size = image.Size, Location = path };
        }

        // Decoded once (the result is cached per path) so a corrupt body is found here, as bad input, for every model alike.
        using (var check = Image.Decode(bytes))
        {
            return new Screenshot { Png = bytes, Size = check.Size, Location = path };
        }
    }
}
