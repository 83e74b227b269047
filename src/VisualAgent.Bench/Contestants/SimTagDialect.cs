using VisualAgent.Bench.Suites;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Bench.Contestants;

/// <summary>
/// For simulated models only: the dialect with a sample tag appended to the user prompt, so the simulated server finds
/// the answer registered for that sample (caption and text-spotting prompts carry no per-sample text, and grounding
/// instructions repeat across screenshots). The grammar, sizes and parsing are the wrapped dialect's own.
/// </summary>
internal sealed class SimTagDialect(IModelDialect inner, string tag) : IModelDialect
{
    public string Id => inner.Id;

    public DialectAbilities Abilities => inner.Abilities;

    public ImageBudget DefaultBudget => inner.DefaultBudget;

    public static string TagOf(BenchSample sample) => $"[sample {sample.Id}]";

    public PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null) => inner.SizeToSend(original, budget);

    public ModelPrompt BuildPrompt(ModelTask task, ReplyContext context)
    {
        var prompt = inner.BuildPrompt(task, context);
        return prompt with { User = prompt.User + "\n" + tag };
    }

    public ParsedReply Parse(string reply, ReplyContext context) => inner.Parse(reply, context);

    public string FormatReply(ParsedReply answer, ReplyContext context) => inner.FormatReply(answer, context);
}
