using VisualAgent.Vision.Ocr;
using VisualAgent.Vision.Tests;

[assembly: AssemblyFixture(typeof(OcrFixture))]

namespace VisualAgent.Vision.Tests;

/// <summary>One OCR engine pool for the whole test assembly (engines take ~100-300 ms to load).</summary>
public sealed class OcrFixture : IDisposable
{
    public TesseractOcr Ocr { get; } = new();

    public void Dispose() => Ocr.Dispose();
}
