namespace VisualAgent.Models.Dialects.Families;

/// <summary>Qwen2.5-VL: absolute pixels of the smart-resized image it saw (factor 28), not of the original.</summary>
internal sealed class Qwen25VlDialect(PromptLibrary? prompts = null) : QwenDialectBase(prompts)
{
    public override string Id => "qwen2.5-vl";

    public override DialectAbilities Abilities =>
        DialectAbilities.Ground | DialectAbilities.NextAction | DialectAbilities.TextSpotting
        | DialectAbilities.Describe | DialectAbilities.Answer | DialectAbilities.MultiImage;

    public override ImageBudget DefaultBudget { get; } = new(28, 3_136, 12_845_056);

    protected override ModelSpace Space(ReplyContext context) => ModelSpace.SentPixels(context);
}
