using VisualAgent.Imaging;

namespace VisualAgent.Vision.Adapters;

/// <summary>Fraction of pixels that changed between two screenshots (OpenCV absdiff through the Vision layer).</summary>
public sealed class PixelScreenChangeDetector : IScreenChangeDetector
{
    public double Change(ReadOnlyMemory<byte> beforePng, ReadOnlyMemory<byte> afterPng)
    {
        if (beforePng.Span.SequenceEqual(afterPng.Span))
        {
            return 0;
        }

        return ScreenChange.Compare(beforePng.Span, afterPng.Span).ChangedFraction;
    }
}
