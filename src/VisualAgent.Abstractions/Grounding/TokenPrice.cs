namespace VisualAgent.Grounding;

/// <summary>
/// What a model's work costs, from its profile's price: per million input tokens (image tokens included) and output
/// tokens (hosted models), and per GPU hour of model time (self-hosted). Unknown parts are null; a cost is only stated
/// when some part is known.
/// </summary>
public sealed record TokenPrice(double? PerMillionInput, double? PerMillionOutput, double? PerGpuHour = null)
{
    public bool IsKnown => PerMillionInput is not null || PerMillionOutput is not null || PerGpuHour is not null;

    /// <summary>The cost of <paramref name="usage"/> and <paramref name="modelMs"/> of model time; null when the price is unknown.</summary>
    public double? CostOf(TokenUsage? usage, double modelMs = 0)
    {
        if (!IsKnown)
        {
            return null;
        }

        var tokens = usage ?? new TokenUsage(0, 0);
        return (tokens.PromptTokens * (PerMillionInput ?? 0) / 1_000_000)
            + (tokens.CompletionTokens * (PerMillionOutput ?? 0) / 1_000_000)
            + (modelMs / 3_600_000 * (PerGpuHour ?? 0));
    }
}
