using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Models.Client;
using VisualAgent.Models.LlamaSharp;
using VisualAgent.Simulator;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Hosting;

/// <summary>What <see cref="ModelStack.OpenAsync"/> needs besides the profile. Every member is optional.</summary>
public sealed record ModelStackOptions
{
    /// <summary>How the model client is built (retry, streaming, its logger); null = defaults.</summary>
    public ModelClientOptions? ClientOptions { get; init; }

    /// <summary>When set, a real endpoint that does not answer GET /models in time throws <see cref="Errors.ModelUnavailableException"/>.</summary>
    public TimeSpan? ProbeTimeout { get; init; }

    /// <summary>A simulated server the caller started and owns, to use for a sim-&lt;dialect&gt; profile instead of starting one.</summary>
    public SimulatedServer? Simulator { get; init; }

    /// <summary>An OCR engine the caller owns (shared by several stacks); null = an "ocr" profile creates and owns one.</summary>
    public TesseractOcr? Ocr { get; init; }

    /// <summary>Settings of the OCR engine a stack creates itself; null = defaults.</summary>
    public OcrOptions? OcrOptions { get; init; }

    /// <summary>Settings of the OCR grounder; null = defaults.</summary>
    public OcrGrounderOptions? OcrGrounderOptions { get; init; }

    /// <summary>Loggers for the OCR grounder; null = no logging.</summary>
    public ILoggerFactory? Loggers { get; init; }

    /// <summary>Process-wide settings of the in-process backend (section LlamaSharp: a native library path); null = the backend package.</summary>
    public LlamaSharpOptions? LlamaSharp { get; init; }

    /// <summary>The sections Ocr, Ocr:Grounder and LlamaSharp of <paramref name="configuration"/>.</summary>
    public static ModelStackOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ModelStackOptions
        {
            OcrOptions = configuration.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions(),
            OcrGrounderOptions = configuration.GetSection("Ocr:Grounder").Get<OcrGrounderOptions>() ?? new OcrGrounderOptions(),
            LlamaSharp = configuration.GetSection(LlamaSharpOptions.SectionName).Get<LlamaSharpOptions>(),
        };
    }
}
