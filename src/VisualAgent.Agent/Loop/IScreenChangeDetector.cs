namespace VisualAgent.Agent;

/// <summary>
/// How much of the screen changed between two PNG screenshots, 0..1. The Vision layer implements a pixel diff; the
/// default <see cref="ByteEqualityChangeDetector"/> only tells identical captures (0) from different ones (1).
/// </summary>
public interface IScreenChangeDetector
{
    double Change(ReadOnlyMemory<byte> beforePng, ReadOnlyMemory<byte> afterPng);
}

/// <summary>0 when the two PNGs are byte-identical, else 1 (lossless captures of an unchanged screen are identical).</summary>
public sealed class ByteEqualityChangeDetector : IScreenChangeDetector
{
    public double Change(ReadOnlyMemory<byte> beforePng, ReadOnlyMemory<byte> afterPng) =>
        beforePng.Span.SequenceEqual(afterPng.Span) ? 0 : 1;
}
