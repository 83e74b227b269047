using VisualAgent.Geometry;
using VisualAgent.Models.Imaging;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// BLIP-2 and InstructBLIP: no coordinates at all, only captions and short answers ("Question: ... Answer:" prompts).
/// Grounding and actions are not supported: BuildPrompt and FormatReply throw <see cref="AbilityNotSupportedException"/>.
/// </summary>
internal sealed class Blip2Dialect(PromptLibrary? prompts = null) : DialectBase(prompts)
{
    public override string Id => "blip2";

    public override DialectAbilities Abilities => DialectAbilities.Describe | DialectAbilities.Answer;

    /// <summary>The vision encoder sees 224x224; more than 448x448 pixels only costs bandwidth.</summary>
    public override ImageBudget DefaultBudget { get; } = new(1, 1, 448 * 448);

    protected override string Expected => "a short caption or answer in plain text";

    public override PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null) =>
        SmartResize.Fit(original, (budget ?? DefaultBudget).MaxPixels);

    protected override string? SystemTemplateOf(ModelTaskKind kind) => null;

    protected override ParsedReply ParseCore(string text, string? thinking, ReplyContext context)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("Answer:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed["Answer:".Length..].Trim();
        }

        return ProseOrFail(trimmed, thinking);
    }

    protected override string FormatCore(ParsedReply answer, ReplyContext context) => answer.Action switch
    {
        null => answer.Text ?? "",
        Actions.AnswerAction a => a.Text,
        _ => throw new AbilityNotSupportedException(Id, ModelTaskKind.Ground),
    };
}
