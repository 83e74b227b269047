namespace VisualAgent.Imaging;

/// <summary>0 when the two PNGs are byte-identical, else 1 (lossless captures of an unchanged screen are identical).</summary>
public sealed class ByteEqualityChangeDetector : IScreenChangeDetector
{
    public double Change(ReadOnlyMemory<byte> beforePng, ReadOnlyMemory<byte> afterPng) =>
        beforePng.Span.SequenceEqual(afterPng.Span) ? 0 : 1;
}
