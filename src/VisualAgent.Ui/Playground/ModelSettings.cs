using System.Globalization;
using VisualAgent.Models.Profiles;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Playground;

/// <summary>The sampling parameters and image budget the page sets on top of a profile; null = the profile's own value.</summary>
public sealed record ModelSettings
{
    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? TopK { get; init; }

    public int? MaxTokens { get; init; }

    public long? Seed { get; init; }

    public long? MinPixels { get; init; }

    public long? MaxPixels { get; init; }

    /// <summary>A key that tells two settings apart (for reusing an opened profile).</summary>
    public string Key => string.Join('|', new object?[] { Temperature, TopP, TopK, MaxTokens, Seed, MinPixels, MaxPixels }
        .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    /// <summary>A copy of <paramref name="profile"/> with these settings; throws <see cref="ApiError"/> for a value out of range.</summary>
    public ModelProfile ApplyTo(ModelProfile profile)
    {
        Check(Temperature is null or (>= 0 and <= 2), "temperature must be between 0 and 2");
        Check(TopP is null or (> 0 and <= 1), "top_p must be above 0 and at most 1");
        Check(TopK is null or (>= 1 and <= 1000), "top_k must be between 1 and 1000");
        Check(MaxTokens is null or (>= 1 and <= 32768), "max tokens must be between 1 and 32768");
        Check(MinPixels is null or (>= 1024 and <= 100_000_000), "min pixels must be between 1024 and 100,000,000");
        Check(MaxPixels is null or (>= 1024 and <= 100_000_000), "max pixels must be between 1024 and 100,000,000");
        var copy = profile.Clone();
        copy.Sampling.Temperature = Temperature ?? copy.Sampling.Temperature;
        copy.Sampling.TopP = TopP ?? copy.Sampling.TopP;
        copy.Sampling.TopK = TopK ?? copy.Sampling.TopK;
        copy.Sampling.MaxTokens = MaxTokens ?? copy.Sampling.MaxTokens;
        copy.Sampling.Seed = Seed ?? copy.Sampling.Seed;
        copy.MinPixels = MinPixels ?? copy.MinPixels;
        copy.MaxPixels = MaxPixels ?? copy.MaxPixels;
        Check(copy.MinPixels is null || copy.MaxPixels is null || copy.MinPixels <= copy.MaxPixels, "min pixels must not exceed max pixels");
        return copy;
    }

    private static void Check(bool ok, string problem)
    {
        if (!ok)
        {
            throw ApiError.BadRequest($"Setting refused: {problem}.");
        }
    }
}
