using System.Security.Cryptography;
using VisualAgent.Errors;
using VisualAgent.Imaging;
using VisualAgent.Ui.Server;
using VisualAgent.Vision;

namespace VisualAgent.Ui.Playground;

/// <summary>
/// The uploaded images, in memory and bounded: an image past <see cref="MaxUploadBytes"/> or that does not decode as PNG
/// or JPEG is refused with what was wrong; past <see cref="MaxTotalBytes"/> the oldest images are dropped (a saved
/// conversation keeps its own copies, and asking about a dropped one says to upload it again).
/// </summary>
internal sealed class ImageStore(long maxUploadBytes, long maxTotalBytes)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<StoredImage> _order = new();
    private readonly Dictionary<string, LinkedListNode<StoredImage>> _byId = new(StringComparer.Ordinal);
    private long _total;

    public long MaxUploadBytes { get; } = maxUploadBytes;

    public long MaxTotalBytes { get; } = maxTotalBytes;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    public long TotalBytes
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Checks and keeps one upload; throws <see cref="ApiError"/> naming the file and what to do.</summary>
    public StoredImage Add(string name, byte[] bytes, string? id = null)
    {
        var safeName = SafeName(name);
        CheckSize(safeName, bytes.LongLength);

        if (bytes.Length == 0)
        {
            throw ApiError.BadRequest($"{safeName} is empty (0 bytes): upload a PNG or JPEG screenshot.");
        }

        var format = ImageHeader.DetectFormat(bytes)
            ?? throw ApiError.BadRequest($"{safeName} is not an image the playground reads: it is neither PNG nor JPEG. Upload a screenshot in PNG or JPEG.");
        StoredImage image;
        try
        {
            using var decoded = Image.Decode(bytes);
            image = new StoredImage(id ?? NewId(), safeName, format == "png" ? bytes : decoded.EncodePng(), decoded.Size);
        }
        catch (ImageFormatException ex)
        {
            throw ApiError.BadRequest($"{safeName} could not be read as an image: {ex.Message}");
        }

        Keep(image);
        return image;
    }

    /// <summary>Refuses an upload past the limit before it is read into memory.</summary>
    public void CheckSize(string name, long length)
    {
        if (length > MaxUploadBytes)
        {
            throw new ApiError(413, $"{SafeName(name)} is {Megabytes(length)}; the limit is {Megabytes(MaxUploadBytes)} (Ui:MaxUploadMegabytes). Upload a smaller screenshot.");
        }
    }

    private static string SafeName(string name) => Path.GetFileName(string.IsNullOrWhiteSpace(name) ? "pasted.png" : name);

    public StoredImage Get(string id) => TryGet(id) ?? throw ApiError.NotFound(
        $"The image {id} is not held by the server any more (the oldest images are dropped to keep memory bounded, or the server restarted): upload it again.");

    public StoredImage? TryGet(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var node) ? node.Value : null;
        }
    }

    private void Keep(StoredImage image)
    {
        lock (_gate)
        {
            if (_byId.Remove(image.Id, out var old))
            {
                _order.Remove(old);
                _total -= old.Value.Png.LongLength;
            }

            _byId[image.Id] = _order.AddLast(image);
            _total += image.Png.LongLength;
            while (_total > MaxTotalBytes && _order.First is { } first && first != _order.Last)
            {
                _order.RemoveFirst();
                _byId.Remove(first.Value.Id);
                _total -= first.Value.Png.LongLength;
            }
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private static string Megabytes(long bytes) => FormattableString.Invariant($"{bytes / 1048576.0:0.#} MB");
}
