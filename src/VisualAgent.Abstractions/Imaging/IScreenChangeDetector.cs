namespace VisualAgent.Imaging;

/// <summary>
/// How much of the screen changed between two PNG screenshots, 0..1. The Vision layer implements a pixel diff; the
/// default <see cref="ByteEqualityChangeDetector"/> only tells identical captures (0) from different ones (1).
/// </summary>
public interface IScreenChangeDetector
{
    double Change(ReadOnlyMemory<byte> beforePng, ReadOnlyMemory<byte> afterPng);
}
