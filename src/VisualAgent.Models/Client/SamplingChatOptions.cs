using Microsoft.Extensions.AI;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.Client;

/// <summary>Turns a profile's sampling settings into <see cref="ChatOptions"/>; non-standard fields go to AdditionalProperties (sent as extra body fields).</summary>
public static class SamplingChatOptions
{
    public const string RepetitionPenaltyField = "repetition_penalty";

    /// <param name="sampling">The profile's settings.</param>
    /// <param name="stop">Stop sequences the dialect needs, added to the profile's.</param>
    /// <param name="grounding">Grounding and text spotting use <see cref="SamplingOptions.GroundingTemperature"/>.</param>
    public static ChatOptions Create(SamplingOptions sampling, IReadOnlyList<string>? stop = null, bool grounding = false)
    {
        var options = new ChatOptions
        {
            Temperature = (float?)(grounding ? sampling.GroundingTemperature ?? sampling.Temperature : sampling.Temperature),
            TopP = (float?)sampling.TopP,
            TopK = sampling.TopK,
            PresencePenalty = (float?)sampling.PresencePenalty,
            FrequencyPenalty = (float?)sampling.FrequencyPenalty,
            MaxOutputTokens = sampling.MaxTokens,
            Seed = sampling.Seed,
        };
        var stops = sampling.Stop.Concat(stop ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (stops.Count > 0)
        {
            options.StopSequences = stops;
        }

        if (sampling.RepetitionPenalty is not null || sampling.Extra.Count > 0)
        {
            options.AdditionalProperties = [];
            if (sampling.RepetitionPenalty is { } rp)
            {
                options.AdditionalProperties[RepetitionPenaltyField] = rp;
            }

            foreach (var (key, value) in sampling.Extra)
            {
                options.AdditionalProperties[key] = value;
            }
        }

        return options;
    }
}
