using VisualAgent.Errors;

namespace VisualAgent.Vision.Ocr;

/// <summary>Settings of <see cref="TesseractOcr"/> (bound from the "Ocr" section of appsettings.json).</summary>
public sealed class OcrOptions
{
    /// <summary>Tesseract language(s), joined by '+': "eng", "eng+deu". Default "eng".</summary>
    public string Languages { get; set; } = "eng";

    /// <summary>Page segmentation for full screenshots. Default 11 (sparse text): on form screenshots it keeps the
    /// field labels that PSM 3 (auto) drops, and Tesseract's API default (6) drops whole form rows.</summary>
    public int PageSegMode { get; set; } = 11;

    /// <summary>The tessdata folder; null lets Tesseract use its compiled-in default or TESSDATA_PREFIX.</summary>
    public string? DataPath { get; set; }

    /// <summary>Engines kept ready (each holds ~30-60 MB); recognitions beyond this wait. Default 2.</summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>Results kept by image content hash. Default 64; 0 turns the cache off.</summary>
    public int CacheEntries { get; set; } = 64;

    /// <summary>Resolution reported to Tesseract (screens are ~96 ppi). Default 96.</summary>
    public int SourceResolution { get; set; } = 96;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Languages))
        {
            throw new UsageException("Setting Ocr:Languages must name at least one language, e.g. \"eng\".");
        }

        if (PageSegMode is < 0 or > 13)
        {
            throw new UsageException($"Setting Ocr:PageSegMode ({PageSegMode}) is not a Tesseract page segmentation mode: use 0..13 (default 11).");
        }

        if (PoolSize is < 1 or > 64)
        {
            throw new UsageException($"Setting Ocr:PoolSize ({PoolSize}) must be 1..64.");
        }

        if (CacheEntries < 0)
        {
            throw new UsageException($"Setting Ocr:CacheEntries ({CacheEntries}) must be 0 or more.");
        }
    }
}
