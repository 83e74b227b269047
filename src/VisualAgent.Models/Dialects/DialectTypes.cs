using VisualAgent.Actions;
using VisualAgent.Geometry;

namespace VisualAgent.Models.Dialects;

/// <summary>Abilities a dialect declares.</summary>
[Flags]
public enum DialectAbilities
{
    None = 0,
    Ground = 1,
    NextAction = 2,
    TextSpotting = 4,
    Describe = 8,
    Answer = 16,
    MultiImage = 32,
}

/// <summary>An image budget: resize factor and pixel bounds (smart_resize).</summary>
public sealed record ImageBudget(int Factor, long MinPixels, long MaxPixels);

/// <summary>Kinds of requests a dialect can build.</summary>
public enum ModelTaskKind
{
    Ground,
    NextAction,
    TextSpotting,
    Describe,
    Answer,
    Compare,
}

/// <summary>What the model is asked: the instruction (ground), goal + history (next action), question, ...</summary>
public sealed record ModelTask(ModelTaskKind Kind, string Text)
{
    /// <summary>Earlier steps, oldest first (next action).</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>Number of images attached (compare / multi-image questions).</summary>
    public int ImageCount { get; init; } = 1;
}

/// <summary>Sizes and settings a reply is read against.</summary>
public sealed record ReplyContext(PixelSize OriginalSize, PixelSize SentSize)
{
    /// <summary>Qwen3-VL grid divisor: 1000 (official grounding cookbook) or 999 (mobile-agent cookbook).</summary>
    public double Divisor { get; init; } = 1000;

    /// <summary>LLaVA: boxes are normalised to the padded square (expand2square) rather than the original image.</summary>
    public bool PadToSquare { get; init; } = true;

    /// <summary>
    /// Where the pointer is, in screenshot pixels, when known: the start of a Qwen <c>left_click_drag</c> that gives
    /// only its end point (the official tool drags from the current pointer position).
    /// </summary>
    public ScreenPoint? Pointer { get; init; }
}

/// <summary>The text parts of a request. Images are attached by the client after the user text.</summary>
public sealed record ModelPrompt(string System, string User)
{
    /// <summary>Stop sequences the family needs, if any.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];
}

/// <summary>A spotted piece of text with its box in screenshot pixels.</summary>
public sealed record TextSpot(string Text, ScreenBox Box);

/// <summary>A parsed reply: an action (grounding gives a click at the target, with its box when the model gave one), or text.</summary>
public sealed record ParsedReply
{
    public AgentAction? Action { get; init; }

    /// <summary>Answer, caption or description text.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<TextSpot>? Spots { get; init; }

    public string? Thought { get; init; }

    /// <summary>
    /// What the reply answers, when the writer knows it (the simulator sets it so <see cref="IModelDialect.FormatReply"/>
    /// picks the family's grounding grammar rather than its action grammar). Parse leaves it null.
    /// </summary>
    public ModelTaskKind? Task { get; init; }
}
