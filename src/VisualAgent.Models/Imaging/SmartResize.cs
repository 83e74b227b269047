using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Models.Imaging;

/// <summary>
/// The Qwen-VL family's smart_resize (as in the Qwen2-VL/Qwen2.5-VL/Qwen3-VL processors): sides rounded to multiples of the factor, then scaled into
/// [min_pixels, max_pixels] keeping the aspect ratio. Rounding is Python's round-half-to-even.
/// </summary>
public static class SmartResize
{
    public static PixelSize Resize(PixelSize original, ImageBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return Resize(original, budget.Factor, budget.MinPixels, budget.MaxPixels);
    }

    public static PixelSize Resize(PixelSize original, int factor, long minPixels, long maxPixels)
    {
        Validate(original, factor, minPixels, maxPixels);
        double h = original.Height;
        double w = original.Width;
        var hb = Math.Max(factor, RoundHalfEven(h / factor) * factor);
        var wb = Math.Max(factor, RoundHalfEven(w / factor) * factor);
        if (hb * wb > maxPixels)
        {
            var beta = Math.Sqrt(h * w / maxPixels);
            hb = Math.Max(factor, (long)Math.Floor(h / beta / factor) * factor);
            wb = Math.Max(factor, (long)Math.Floor(w / beta / factor) * factor);
        }
        else if (hb * wb < minPixels)
        {
            var beta = Math.Sqrt(minPixels / (h * w));
            hb = (long)Math.Ceiling(h * beta / factor) * factor;
            wb = (long)Math.Ceiling(w * beta / factor) * factor;
        }

        return new PixelSize(checked((int)wb), checked((int)hb));
    }

    /// <summary>
    /// Scales down (never up) keeping the aspect ratio so the image fits the pixel budget and side limits; used by
    /// families whose server resizes to a fixed square (LLaVA, MiniGPT-v2, BLIP-2) or a provider's limits (GPT-4o).
    /// </summary>
    public static PixelSize Fit(PixelSize original, long maxPixels, int maxLongSide = int.MaxValue, int maxShortSide = int.MaxValue)
    {
        if (original.IsEmpty)
        {
            throw new UsageException($"The image size {original} is empty: both sides must be positive.");
        }

        double w = original.Width;
        double h = original.Height;
        var scale = Math.Min(1.0, Math.Sqrt(maxPixels / (w * h)));
        scale = Math.Min(scale, maxLongSide / Math.Max(w, h));
        scale = Math.Min(scale, maxShortSide / Math.Min(w, h));
        if (scale >= 1.0)
        {
            return original;
        }

        return new PixelSize(
            Math.Max(1, (int)Math.Round(w * scale, MidpointRounding.ToEven)),
            Math.Max(1, (int)Math.Round(h * scale, MidpointRounding.ToEven)));
    }

    private static long RoundHalfEven(double value) => (long)Math.Round(value, MidpointRounding.ToEven);

    private static void Validate(PixelSize original, int factor, long minPixels, long maxPixels)
    {
        if (original.IsEmpty)
        {
            throw new UsageException($"The image size {original} is empty: both sides must be positive.");
        }

        if (factor < 1)
        {
            throw new UsageException($"The resize factor must be at least 1, not {factor}.");
        }

        if (maxPixels < (long)factor * factor || minPixels > maxPixels)
        {
            throw new UsageException(
                $"The pixel budget min {minPixels} / max {maxPixels} is impossible for factor {factor}: "
                + $"max must be at least {(long)factor * factor} and not below min.");
        }
    }
}
