using System.Text.Json;

namespace VisualAgent.Drivers.Web;

/// <summary>"The page shows TEXT" (<see cref="IShownText"/>), decided by <see cref="PageScripts.ShowsText"/> on the page.</summary>
public sealed partial class PlaywrightDriver : IShownText
{
    /// <inheritdoc />
    public async Task<ShownText> FindShownTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = await PageScriptAsync(PageScripts.ShowsText, new Dictionary<string, object> { ["text"] = text, ["scroll"] = true }, "Looking for text on the page", cancellationToken).ConfigureAwait(false);
        if (json is { ValueKind: JsonValueKind.Object } hit)
        {
            string? S(string name) => hit.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            return new ShownText
            {
                Kind = S("kind"),
                Scrolled = hit.TryGetProperty("scrolled", out var scrolled) && scrolled.ValueKind == JsonValueKind.True,
                Element = new ElementFacts
                {
                    Tag = S("tag"), Role = S("role"), Name = S("name"), Text = S("text"), Css = S("selector"),
                    Box = PageElementJson.Box(hit.GetProperty("box"), _dsf),
                },
            };
        }

        // Not shown: ask the same rule why, so the failure says hidden, only in a code listing, or absent.
        var why = await PageScriptAsync(PageScripts.ShowsText, new Dictionary<string, object> { ["text"] = text, ["explain"] = true }, "Looking for text on the page", cancellationToken).ConfigureAwait(false);
        return new ShownText { Problem = why is { ValueKind: JsonValueKind.String } s ? s.GetString() : $"\"{text}\" is not shown" };
    }
}
