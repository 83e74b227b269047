namespace VisualAgent.Grounding;

/// <summary>Tokens a model call used, as the server reported them (image tokens estimated by the dialect when not).</summary>
public sealed record TokenUsage(long PromptTokens, long CompletionTokens, long ImageTokens = 0)
{
    public long TotalTokens => PromptTokens + CompletionTokens;

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.PromptTokens + b.PromptTokens, a.CompletionTokens + b.CompletionTokens, a.ImageTokens + b.ImageTokens);
}
