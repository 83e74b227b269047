using System.Collections.Concurrent;
using System.Security.Cryptography;
using VisualAgent.Geometry;

namespace VisualAgent.Vision.Ocr;

/// <summary>
/// OCR with Tesseract 5 through its C API: a small pool of engines (one recognition per engine at a time) and a
/// bounded cache keyed by the content hash of the pixels read. Thread-safe.
/// </summary>
public sealed class TesseractOcr : IDisposable
{
    private readonly OcrOptions _options;
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private readonly SemaphoreSlim _slots;
    private readonly OcrCache _cache;
    private int _disposed;

    public TesseractOcr(OcrOptions? options = null)
    {
        _options = options ?? new OcrOptions();
        _options.Validate();
        _slots = new SemaphoreSlim(_options.PoolSize, _options.PoolSize);
        _cache = new OcrCache(_options.CacheEntries);
    }

    public OcrOptions Options => _options;

    /// <summary>Results currently cached.</summary>
    public int CachedResults => _cache.Count;

    /// <summary>Checks that Tesseract and the configured languages are installed (throws EnvironmentMissingException).</summary>
    public async Task EnsureAvailableAsync(CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _idle.Add(_idle.TryTake(out var engine) ? engine : TesseractEngine.Create(_options));
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Reads <paramref name="image"/> (or the request's region of it); boxes are in the image's pixels.</summary>
    public async Task<OcrResult> RecognizeAsync(Image image, OcrRequest? request = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        request ??= OcrRequest.FullPage;
        var psm = request.PageSegMode ?? _options.PageSegMode;
        var (gray, size, origin, scale) = Prepare(image, request);
        var key = $"{Convert.ToHexString(SHA256.HashData(gray))}:{size}:{psm}:{_options.Languages}";
        if (!_cache.TryGet(key, out var raw))
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                raw = await Task.Run(
                    () =>
                    {
                        var engine = _idle.TryTake(out var e) ? e : TesseractEngine.Create(_options);
                        try
                        {
                            return engine.Recognize(gray, size.Width, size.Height, psm);
                        }
                        finally
                        {
                            _idle.Add(engine);
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }

            _cache.Add(key, raw);
        }

        return origin == default && scale == 1 ? raw : MapBack(raw, origin, scale);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_idle.TryTake(out var engine))
        {
            engine.Dispose();
        }

        _slots.Dispose();
    }

    private static (byte[] Gray, PixelSize Size, ScreenPoint Origin, double Scale) Prepare(Image image, OcrRequest request)
    {
        var origin = default(ScreenPoint);
        var owned = new List<Image>();
        try
        {
            var current = image;
            if (request.Region is { } region)
            {
                current = Track(owned, current.Crop(region));
                origin = new ScreenPoint(Math.Clamp(Math.Floor(region.X1), 0, image.Width), Math.Clamp(Math.Floor(region.Y1), 0, image.Height));
            }

            current = Track(owned, current.ToGray());
            if (request.NormalizePolarity && LightOnDark(current))
            {
                current = Track(owned, current.Invert());
            }

            var scale = request.Scale is > 0 and not 1 ? request.Scale : 1;
            if (scale != 1)
            {
                current = Track(owned, current.Scale(scale));
            }

            return (current.GetPixels(), current.Size, origin, scale);
        }
        finally
        {
            foreach (var o in owned)
            {
                o.Dispose();
            }
        }
    }

    // Light text on a darker ground (white on a coloured button or sidebar, on a gradient): the ground is the most
    // common gray level, the text is what differs from it; the text is lighter when its mean is above the ground.
    private static bool LightOnDark(Image gray)
    {
        var pixels = gray.GetPixels();
        Span<int> histogram = stackalloc int[32];
        foreach (var p in pixels)
        {
            histogram[p >> 3]++;
        }

        var mode = 0;
        for (var i = 1; i < 32; i++)
        {
            if (histogram[i] > histogram[mode])
            {
                mode = i;
            }
        }

        var ground = (mode << 3) + 4;
        long sum = 0;
        var count = 0;
        foreach (var p in pixels)
        {
            if (Math.Abs(p - ground) > 48)
            {
                sum += p;
                count++;
            }
        }

        return count == 0 ? ground < 128 : (double)sum / count > ground;
    }

    private static Image Track(List<Image> owned, Image image)
    {
        owned.Add(image);
        return image;
    }

    private static OcrResult MapBack(OcrResult raw, ScreenPoint origin, double scale)
    {
        ScreenBox Map(ScreenBox b) => new((b.X1 / scale) + origin.X, (b.Y1 / scale) + origin.Y, (b.X2 / scale) + origin.X, (b.Y2 / scale) + origin.Y);
        var words = raw.Words.Select(w => w with { Box = Map(w.Box) }).ToList();
        var lines = raw.Lines.Select((l, i) => l with { Box = Map(l.Box), Words = words.Where(w => w.LineIndex == i).ToArray() }).ToList();
        return new OcrResult(words, lines);
    }
}
