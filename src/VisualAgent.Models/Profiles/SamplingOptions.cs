namespace VisualAgent.Models.Profiles;

/// <summary>
/// Sampling settings sent with every request of a profile. Null means "not sent":
/// the server's default applies. Fields the OpenAI SDK does not model (top_k, repetition_penalty, <see cref="Extra"/>)
/// go into the request body as extra JSON fields, which vLLM, llama-server and Ollama accept.
/// </summary>
public sealed class SamplingOptions
{
    /// <summary>0 for grounding; Qwen3-VL instruct default 0.7.</summary>
    public double? Temperature { get; set; }

    /// <summary>Temperature of grounding and text-spotting requests (default 0: grounding is deterministic); null = <see cref="Temperature"/>.</summary>
    public double? GroundingTemperature { get; set; } = 0;

    public double? TopP { get; set; }

    /// <summary>Sent as the extra field top_k (vLLM, llama-server).</summary>
    public int? TopK { get; set; }

    public double? PresencePenalty { get; set; }

    public double? FrequencyPenalty { get; set; }

    /// <summary>Sent as the extra field repetition_penalty (vLLM, llama-server).</summary>
    public double? RepetitionPenalty { get; set; }

    /// <summary>Cap on the reply; cap list outputs (models can loop past ~40-50 items).</summary>
    public int? MaxTokens { get; set; }

    public long? Seed { get; set; }

    public List<string> Stop { get; set; } = [];

    /// <summary>
    /// Extra body fields passed through as they are, e.g. "min_p": "0.05" or "chat_template_kwargs": "{\"enable_thinking\": false}".
    /// A value that reads as JSON (number, true/false, object, array) is sent as that JSON; anything else as a string.
    /// </summary>
    public Dictionary<string, string> Extra { get; set; } = new(StringComparer.Ordinal);

    public SamplingOptions Clone() => new()
    {
        Temperature = Temperature,
        GroundingTemperature = GroundingTemperature,
        TopP = TopP,
        TopK = TopK,
        PresencePenalty = PresencePenalty,
        FrequencyPenalty = FrequencyPenalty,
        RepetitionPenalty = RepetitionPenalty,
        MaxTokens = MaxTokens,
        Seed = Seed,
        Stop = [.. Stop],
        Extra = new Dictionary<string, string>(Extra, StringComparer.Ordinal),
    };
}
