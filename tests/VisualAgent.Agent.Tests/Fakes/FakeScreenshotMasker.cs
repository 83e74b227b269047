using System.Text;
using VisualAgent.Imaging;
using VisualAgent.Geometry;

namespace VisualAgent.Tests.Fakes;

/// <summary>Returns "MASKED" bytes and records the boxes it was asked to blank.</summary>
internal sealed class FakeScreenshotMasker : IScreenshotMasker
{
    public List<IReadOnlyList<ScreenBox>> Calls { get; } = [];

    public static byte[] Masked { get; } = Encoding.UTF8.GetBytes("MASKED");

    public Task<byte[]> MaskAsync(byte[] png, IReadOnlyList<ScreenBox> boxes, CancellationToken cancellationToken = default)
    {
        Calls.Add(boxes);
        return Task.FromResult(Masked);
    }
}
