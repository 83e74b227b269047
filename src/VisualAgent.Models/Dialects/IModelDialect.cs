using VisualAgent.Geometry;

namespace VisualAgent.Models.Dialects;

/// <summary>
/// How one model family speaks about screens (its prompt, reply grammar and coordinate space), in both directions: what the prompt promises the
/// model and how a reply maps back to screenshot pixels. The simulator uses <see cref="FormatReply"/> to answer in
/// the family's own grammar and space, so a mapping bug fails a round trip.
/// </summary>
public interface IModelDialect
{
    /// <summary>Id used in config and on the command line: qwen3-vl, qwen2.5-vl, ui-tars, qwen2-vl, generic-json, llava, minigpt-v2, blip2.</summary>
    string Id { get; }

    /// <summary>What the family can do; the bench reports the rest "not supported".</summary>
    DialectAbilities Abilities { get; }

    /// <summary>The family's own processor defaults (factor, min and max pixels).</summary>
    ImageBudget DefaultBudget { get; }

    /// <summary>The exact size an image of <paramref name="original"/> size is sent at (client-side smart resize).</summary>
    PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null);

    /// <summary>The text parts of a request: byte-stable system prompt (with tool schema) and the user turn.</summary>
    ModelPrompt BuildPrompt(ModelTask task, ReplyContext context);

    /// <summary>Parses a reply into screenshot pixels of the original image; throws ModelReplyParseException.</summary>
    ParsedReply Parse(string reply, ReplyContext context);

    /// <summary>Writes an answer in this family's grammar and coordinate space (used by the simulated server).</summary>
    string FormatReply(ParsedReply answer, ReplyContext context);
}
