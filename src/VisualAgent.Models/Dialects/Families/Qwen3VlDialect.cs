namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// Qwen3-VL: numbers on a relative 0..1000 grid of the image it saw (ReplyContext.Divisor: 1000 as in the grounding
/// cookbook, or 999 as in the mobile-agent cookbook); images smart-resized with factor 32.
/// </summary>
internal sealed class Qwen3VlDialect(PromptLibrary? prompts = null) : QwenDialectBase(prompts)
{
    public override string Id => "qwen3-vl";

    public override DialectAbilities Abilities =>
        DialectAbilities.Ground | DialectAbilities.NextAction | DialectAbilities.TextSpotting
        | DialectAbilities.Describe | DialectAbilities.Answer | DialectAbilities.MultiImage;

    public override ImageBudget DefaultBudget { get; } = new(32, 65_536, 16_777_216);

    protected override ModelSpace Space(ReplyContext context) => ModelSpace.Grid(context, context.Divisor);
}
