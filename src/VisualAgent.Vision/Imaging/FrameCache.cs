using System.IO.Hashing;

namespace VisualAgent.Vision;

/// <summary>
/// Decoded screenshots shared by the step's consumers (screen change, annotation, masking, the model's resize, the
/// OCR grounder), so one capture is decoded once per step instead of once per consumer. Keyed by content (XxHash3 of
/// the encoded bytes and their length), bounded by decoded bytes and by a frame count, least recently used first out. A rented frame is
/// read-only: callers that paint clone it first. An evicted frame is released when its last lease is disposed.
/// </summary>
public sealed class FrameCache
{
    /// <summary>The process-wide cache the Vision adapters use: at most 8 frames and 64 MB of decoded pixels (a step
    /// needs two or three; a few runs side by side in the bench each keep theirs).</summary>
    public static FrameCache Shared { get; } = new(64L * 1024 * 1024, 8);

    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private long _bytes;
    private long _maxBytes;
    private readonly int _maxFrames;
    private long _decodes;
    private long _hits;

    public FrameCache(long maxBytes, int maxFrames = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 1);
        _maxBytes = maxBytes;
        _maxFrames = maxFrames;
    }

    /// <summary>Frames held now (leased or not).</summary>
    public int Count
    {
        get { lock (_gate) { return _entries.Count; } }
    }

    /// <summary>Decoded bytes the cache may hold; 0 turns caching off (every rent decodes; the bench's baseline).</summary>
    public long MaxBytes
    {
        get { lock (_gate) { return _maxBytes; } }
        set { lock (_gate) { _maxBytes = value; Trim(); } }
    }

    /// <summary>Decodes done through this cache (misses), for tests and the bench.</summary>
    public long Decodes => Interlocked.Read(ref _decodes);

    /// <summary>Rents served from a frame decoded earlier.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>
    /// The decoded image of <paramref name="data"/>: from the cache, or decoded now (with <see cref="Image.Decode(ReadOnlySpan{byte}, long)"/>'s
    /// checks and limit) and kept. Dispose the lease when done; never paint on its image.
    /// </summary>
    public FrameLease Rent(ReadOnlySpan<byte> data, long maxPixels = Image.DefaultMaxPixels)
    {
        var key = new Key(XxHash3.HashToUInt64(data), data.Length);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.Image.Size.Area <= maxPixels)
            {
                _order.Remove(node);
                _order.AddFirst(node);
                node.Value.Leases++;
                Interlocked.Increment(ref _hits);
                return new FrameLease(this, node.Value);
            }
        }

        var image = Image.Decode(data, maxPixels);
        Interlocked.Increment(ref _decodes);
        return Keep(key, image);
    }

    /// <summary>
    /// Hands an image the caller just encoded as <paramref name="encoded"/> to the cache (the masker's output: the
    /// next consumer of those bytes needs no decode). The cache owns <paramref name="image"/> from here on.
    /// </summary>
    public void Adopt(ReadOnlySpan<byte> encoded, Image image)
    {
        var key = new Key(XxHash3.HashToUInt64(encoded), encoded.Length);
        Keep(key, image).Dispose();
    }

    /// <summary>Drops every frame nobody holds (the bench's cold start).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var entry in _order)
            {
                Evict(entry);
            }

            _order.Clear();
            _entries.Clear();
            _bytes = 0;
        }
    }

    private FrameLease Keep(Key key, Image image)
    {
        var entry = new Entry(key, image, ByteSize(image)) { Leases = 1 };
        lock (_gate)
        {
            if (_maxBytes <= 0 || entry.Bytes > _maxBytes)
            {
                entry.Evicted = true;
                return new FrameLease(this, entry);
            }

            if (_entries.Remove(key, out var old))
            {
                _order.Remove(old);
                _bytes -= old.Value.Bytes;
                Evict(old.Value);
            }

            _entries[key] = _order.AddFirst(entry);
            _bytes += entry.Bytes;
            Trim();
            return new FrameLease(this, entry);
        }
    }

    private void Trim()
    {
        while ((_bytes > _maxBytes || _entries.Count > _maxFrames) && _order.Last is { } last)
        {
            _order.RemoveLast();
            _entries.Remove(last.Value.Key);
            _bytes -= last.Value.Bytes;
            Evict(last.Value);
        }
    }

    private static void Evict(Entry entry)
    {
        entry.Evicted = true;
        if (entry.Leases == 0)
        {
            entry.Image.Dispose();
        }
    }

    internal void Release(Entry entry)
    {
        lock (_gate)
        {
            entry.Leases--;
            if (entry.Leases == 0 && entry.Evicted)
            {
                entry.Image.Dispose();
            }
        }
    }

    private static long ByteSize(Image image) => (long)image.Width * image.Height * image.Channels;

    internal readonly record struct Key(ulong Hash, int Length);

    internal sealed class Entry(Key key, Image image, long bytes)
    {
        public Key Key { get; } = key;

        public Image Image { get; } = image;

        public long Bytes { get; } = bytes;

        public int Leases { get; set; }

        public bool Evicted { get; set; }
    }
}

/// <summary>A rented decoded frame. Read-only: clone before painting. Dispose exactly once.</summary>
public sealed class FrameLease : IDisposable
{
    private readonly FrameCache _cache;
    private readonly FrameCache.Entry _entry;
    private int _disposed;

    internal FrameLease(FrameCache cache, FrameCache.Entry entry)
    {
        _cache = cache;
        _entry = entry;
    }

    public Image Image
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _entry.Image;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cache.Release(_entry);
        }
    }
}
