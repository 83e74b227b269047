namespace VisualAgent.Models.LlamaSharp;

/// <summary>What one in-process generation produced: its text, token counts and timings.</summary>
public sealed record LlamaGeneration
{
    public required string Text { get; init; }

    /// <summary>Tokens of the prompt evaluated (text and image tokens).</summary>
    public required int PromptTokens { get; init; }

    /// <summary>Of <see cref="PromptTokens"/>, those the images became.</summary>
    public required int ImageTokens { get; init; }

    /// <summary>Tokens generated (the end-of-generation token not counted).</summary>
    public required int OutputTokens { get; init; }

    /// <summary>True when generation stopped at MaxOutputTokens rather than at an end token or a stop sequence.</summary>
    public required bool HitLimit { get; init; }

    public required TimeSpan PromptTime { get; init; }

    public required TimeSpan GenerationTime { get; init; }

    /// <summary>Generated tokens per second (the prompt's evaluation not included).</summary>
    public double TokensPerSecond => GenerationTime > TimeSpan.Zero ? OutputTokens / GenerationTime.TotalSeconds : 0;
}
