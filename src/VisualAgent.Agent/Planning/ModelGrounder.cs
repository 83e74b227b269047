using VisualAgent.Errors;
using VisualAgent.Grounding;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Agent.Planning;

/// <summary>
/// Grounds a description with a vision-language model in its own dialect (point and box in screenshot pixels).
/// A point the model put just outside the image is clamped onto it and reported with <see cref="ClampedConfidence"/>;
/// a point far outside is not found (the dialect rejects it), never a corner reported as certain.
/// </summary>
public sealed class ModelGrounder(ModelCaller caller) : IGrounder
{
    /// <summary>The confidence of a point that had to be clamped onto the image (the model pointed past its edge).</summary>
    public const double ClampedConfidence = 0.5;

    public string Name => caller.Profile.Name;

    public async Task<GroundingResult> GroundAsync(GroundingRequest request, CancellationToken cancellationToken = default)
    {
        if (!caller.Dialect.Abilities.HasFlag(DialectAbilities.Ground))
        {
            return GroundingResult.NotFound($"Model profile '{Name}' ({caller.Dialect.Id}) cannot ground: the family gives no coordinates.");
        }

        ModelCallResult result;
        try
        {
            result = await caller.CallAsync(new ModelTask(ModelTaskKind.Ground, request.Instruction), request.Image, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelReplyParseException ex)
        {
            return GroundingResult.NotFound($"The reply of '{Name}' did not parse: {ex.Message}", ex.Raw);
        }

        if (result.Reply.Action?.Target is not { } point)
        {
            return GroundingResult.NotFound($"The reply of '{Name}' holds no point or box.", result.Raw) with
            {
                SentSize = result.SentSize,
                Usage = result.Usage,
                Latency = result.Latency,
            };
        }

        return new GroundingResult
        {
            Found = true,
            Point = point,
            Box = result.Reply.Action.BoxValue,
            Confidence = result.Reply.Action.Clamped ? ClampedConfidence : 1,
            Clamped = result.Reply.Action.Clamped,
            Raw = result.Raw,
            SentSize = result.SentSize,
            Usage = result.Usage,
            Latency = result.Latency,
            TimeToFirstToken = result.TimeToFirstToken,
        };
    }
}
