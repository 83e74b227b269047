using VisualAgent.Errors;

namespace VisualAgent.Models.Dialects;

/// <summary>
/// A request a model family cannot serve (BLIP-2 asked for coordinates, LLaVA asked for the next action). The bench
/// reports such an ability as "not supported", never as a score of 0. Exit code 2 (usage).
/// </summary>
public sealed class AbilityNotSupportedException : VisualAgentException
{
    public AbilityNotSupportedException(string dialectId, ModelTaskKind kind)
        : base(
            $"The '{dialectId}' dialect does not support {Describe(kind)}: choose a model profile whose dialect lists it "
            + "(qwen3-vl, qwen2.5-vl, ui-tars and qwen2-vl ground and act; blip2 only describes and answers).",
            ExitCodes.Usage)
    {
        DialectId = dialectId;
        Kind = kind;
    }

    public string DialectId { get; } = "";

    public ModelTaskKind Kind { get; }

    private static string Describe(ModelTaskKind kind) => kind switch
    {
        ModelTaskKind.Ground => "grounding (it writes no coordinates)",
        ModelTaskKind.NextAction => "choosing the next action",
        ModelTaskKind.TextSpotting => "text spotting",
        ModelTaskKind.Compare => "several images in one request",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
