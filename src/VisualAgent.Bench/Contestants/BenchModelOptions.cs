using VisualAgent.Bench.Suites;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Bench.Contestants;

/// <summary>What <see cref="BenchModelFactory"/> needs besides the profile.</summary>
public sealed class BenchModelOptions
{
    /// <summary>The suite images, shared by every model of a run.</summary>
    public SampleImages Images { get; init; } = new();

    /// <summary>An OCR engine to share (tests); null = the ocr model creates and owns one from <see cref="OcrOptions"/>.</summary>
    public TesseractOcr? Ocr { get; init; }

    public OcrOptions? OcrOptions { get; init; }

    public OcrGrounderOptions? GrounderOptions { get; init; }

    /// <summary>How model clients are built (retry, streaming); null = defaults.</summary>
    public ModelClientOptions? ClientOptions { get; init; }

    /// <summary>How long the reachability check of a real endpoint may take (default 3 s).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Called with each simulated server once started (tests and measurements inject faults and latency).</summary>
    public Action<string, SimulatedServer>? ConfigureSimulator { get; init; }
}
