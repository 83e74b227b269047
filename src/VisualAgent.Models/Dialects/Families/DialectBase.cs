using System.Globalization;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;
using VisualAgent.Models.Imaging;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// What every dialect shares: ability checks, prompt rendering from prompts/&lt;id&gt;/, the smart-resize default, and
/// turning grammar errors into <see cref="ModelReplyParseException"/> with the raw reply kept.
/// </summary>
internal abstract class DialectBase(PromptLibrary? prompts) : IModelDialect
{
    private readonly PromptLibrary? _prompts = prompts;

    public abstract string Id { get; }

    public abstract DialectAbilities Abilities { get; }

    public abstract ImageBudget DefaultBudget { get; }

    /// <summary>What a reply of this family looks like, for parse error messages.</summary>
    protected abstract string Expected { get; }

    protected PromptLibrary Prompts => _prompts ?? PromptLibrary.Default;

    public virtual PixelSize SizeToSend(PixelSize original, ImageBudget? budget = null) =>
        SmartResize.Resize(original, budget ?? DefaultBudget);

    public ModelPrompt BuildPrompt(ModelTask task, ReplyContext context)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        if (!Abilities.HasFlag(RequiredAbility(task)))
        {
            throw new AbilityNotSupportedException(Id, task.Kind);
        }

        var values = Values(task, context);
        var user = Prompts.Render(Id, TemplateOf(task.Kind), values);
        var systemName = SystemTemplateOf(task.Kind);
        var system = systemName is null ? "" : Prompts.Render(Id, systemName, values);
        return new ModelPrompt(system, user) { Stop = StopSequences };
    }

    public ParsedReply Parse(string reply, ReplyContext context)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(context);
        if (context.OriginalSize.IsEmpty)
        {
            throw new UsageException($"The screenshot size {context.OriginalSize} is empty: both sides must be positive.");
        }

        try
        {
            var text = ReplyText.StripThink(ReplyText.Normalize(reply), out var thinking);
            return ParseCore(text, thinking, context);
        }
        catch (ReplyFormatException e)
        {
            throw new ModelReplyParseException($"The {Id} reply does not parse: {e.Message} Expected {Expected}.", reply);
        }
    }

    public string FormatReply(ParsedReply answer, ReplyContext context)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        return FormatCore(answer, context);
    }

    /// <summary>Parses a reply already normalised and with &lt;think&gt; blocks removed (their text in <paramref name="thinking"/>).</summary>
    protected abstract ParsedReply ParseCore(string text, string? thinking, ReplyContext context);

    protected abstract string FormatCore(ParsedReply answer, ReplyContext context);

    protected virtual IReadOnlyList<string> StopSequences => [];

    /// <summary>The system template for a task kind; null for none. Default: system.txt for actions, system-plain.txt otherwise when present.</summary>
    protected virtual string? SystemTemplateOf(ModelTaskKind kind) =>
        kind != ModelTaskKind.NextAction && Prompts.Exists(Id, "system-plain.txt") ? "system-plain.txt" : "system.txt";

    protected virtual Dictionary<string, string> Values(ModelTask task, ReplyContext context)
    {
        var sent = context.SentSize.IsEmpty ? context.OriginalSize : context.SentSize;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["instruction"] = task.Text,
            ["goal"] = task.Text,
            ["question"] = task.Text,
            ["history"] = History(task.History),
            ["width"] = sent.Width.ToString(CultureInfo.InvariantCulture),
            ["height"] = sent.Height.ToString(CultureInfo.InvariantCulture),
            ["grid"] = context.Divisor.ToString(CultureInfo.InvariantCulture),
            ["image_count"] = task.ImageCount.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Prose: the reply as text when it holds no attempt at the family's structured grammar.</summary>
    protected ParsedReply ProseOrFail(string text, string? thought, params ReadOnlySpan<string> structuredMarkers)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new ReplyFormatException("The reply is empty.");
        }

        foreach (var marker in structuredMarkers)
        {
            if (trimmed.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                throw new ReplyFormatException($"It contains '{marker}' but no complete action or coordinates could be read.");
            }
        }

        return new ParsedReply { Text = trimmed, Thought = thought };
    }

    protected static string Join(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) ? b ?? "" : string.IsNullOrWhiteSpace(b) ? a : a + "\n" + b;

    private static string History(IReadOnlyList<string> history) =>
        history.Count == 0
            ? "(none)"
            : string.Join("\n", history.Select((h, i) => string.Create(CultureInfo.InvariantCulture, $"Step {i + 1}: {h}")));

    private static DialectAbilities RequiredAbility(ModelTask task) => task.Kind switch
    {
        ModelTaskKind.Ground => DialectAbilities.Ground,
        ModelTaskKind.NextAction => DialectAbilities.NextAction,
        ModelTaskKind.TextSpotting => DialectAbilities.TextSpotting,
        ModelTaskKind.Describe => DialectAbilities.Describe,
        ModelTaskKind.Answer => task.ImageCount > 1 ? DialectAbilities.MultiImage : DialectAbilities.Answer,
        ModelTaskKind.Compare => DialectAbilities.MultiImage,
        _ => DialectAbilities.None,
    };

    private static string TemplateOf(ModelTaskKind kind) => kind switch
    {
        ModelTaskKind.Ground => "ground.txt",
        ModelTaskKind.NextAction => "next_action.txt",
        ModelTaskKind.TextSpotting => "spot.txt",
        ModelTaskKind.Describe => "describe.txt",
        ModelTaskKind.Answer => "answer.txt",
        ModelTaskKind.Compare => "compare.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown task kind."),
    };
}
