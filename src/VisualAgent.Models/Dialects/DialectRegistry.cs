using VisualAgent.Errors;
using VisualAgent.Models.Dialects.Families;

namespace VisualAgent.Models.Dialects;

/// <summary>The model dialects by id: qwen3-vl, qwen2.5-vl, ui-tars, qwen2-vl, generic-json, llava, minigpt-v2, blip2, and the grounders holo2, mai-ui.</summary>
public static class DialectRegistry
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["qwen3vl"] = "qwen3-vl",
        ["qwen2_5-vl"] = "qwen2.5-vl",
        ["qwen25-vl"] = "qwen2.5-vl",
        ["ui-tars-1.5"] = "ui-tars",
        ["uitars"] = "ui-tars",
        ["ui-tars-v1"] = "qwen2-vl",
        ["gpt-4o"] = "generic-json",
        ["openai"] = "generic-json",
        ["llava-1.5"] = "llava",
        ["minigpt"] = "minigpt-v2",
        ["instructblip"] = "blip2",
        ["blip-2"] = "blip2",
        ["holo-2"] = "holo2",
        ["maiui"] = "mai-ui",
    };

    private static readonly Lazy<IReadOnlyList<IModelDialect>> LazyAll = new(() => CreateAll(null));

    /// <summary>The dialect ids, in a fixed order (qwen3-vl first), as messages and help texts list them.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        ["qwen3-vl", "qwen2.5-vl", "ui-tars", "qwen2-vl", "generic-json", "llava", "minigpt-v2", "blip2", "holo2", "mai-ui"];

    /// <summary>Every dialect, with prompts from <see cref="PromptLibrary.Default"/> (located on first use).</summary>
    public static IReadOnlyList<IModelDialect> All => LazyAll.Value;

    /// <summary>The dialect with this id (a few aliases such as "ui-tars-v1" and "gpt-4o" are accepted).</summary>
    public static IModelDialect Get(string id) => Find(All, id);

    /// <summary>A dialect reading its prompts from <paramref name="prompts"/> (tests, a --prompts folder).</summary>
    public static IModelDialect Create(string id, PromptLibrary? prompts) => Find(CreateAll(prompts), id);

    public static IReadOnlyList<IModelDialect> CreateAll(PromptLibrary? prompts) =>
    [
        new Qwen3VlDialect(prompts),
        new Qwen25VlDialect(prompts),
        new UiTarsDialect(prompts),
        new Qwen2VlDialect(prompts),
        new GenericJsonDialect(prompts),
        new LlavaDialect(prompts),
        new MiniGptV2Dialect(prompts),
        new Blip2Dialect(prompts),
        new Holo2Dialect(prompts),
        new MaiUiDialect(prompts),
    ];

    private static IModelDialect Find(IReadOnlyList<IModelDialect> dialects, string id)
    {
        var key = (id ?? "").Trim();
        key = Aliases.GetValueOrDefault(key, key);
        return dialects.FirstOrDefault(d => string.Equals(d.Id, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"Unknown dialect '{id}': valid ids are {string.Join(", ", Ids)}.");
    }
}
