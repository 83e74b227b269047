using System.Text.Json;
using Microsoft.Playwright;
using VisualAgent.Actions;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// "The page shows TEXT" (<see cref="IShownText"/>), decided by <see cref="PageScripts.ShowsText"/> on the page. Right
/// before the first action that can change a page opened by navigation, the same script notes what the page shows, so
/// that text shown from the start, unchanged, is not taken as evidence of what the steps did (a page the steps reach
/// by clicking is a new document with no note: all of it is news).
/// </summary>
public sealed partial class PlaywrightDriver : IShownText
{
    /// <summary>True until what the current page shows has been noted after the last navigation.</summary>
    private volatile bool _markPending = true;

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

        // Not shown: ask the same rule why, so the failure says hidden, only in a code listing, shown from the start, or absent.
        var why = await PageScriptAsync(PageScripts.ShowsText, new Dictionary<string, object> { ["text"] = text, ["explain"] = true }, "Looking for text on the page", cancellationToken).ConfigureAwait(false);
        return new ShownText { Problem = why is { ValueKind: JsonValueKind.String } s ? s.GetString() : $"\"{text}\" is not shown" };
    }

    /// <summary>Actions that can change what a page shows (a scroll, a hover or a wait only move or look).</summary>
    private static bool Changes(AgentAction action) => action is not (ScrollAction or MoveAction or WaitAction or DoneAction or AnswerAction);

    /// <summary>After a navigation, the next action that can change the page first notes what the page shows.</summary>
    private async Task MarkShownBeforeAsync(IEnumerable<AgentAction> actions, CancellationToken cancellationToken)
    {
        if (!_markPending || !actions.Any(Changes))
        {
            return;
        }

        _markPending = false;
        try
        {
            await CurrentPage.EvaluateAsync<int>(PageScripts.ShowsText, new Dictionary<string, object> { ["mark"] = true })
                .WaitAsync(TimeSpan.FromMilliseconds(Math.Clamp(_options.NavigationTimeoutMs, 1000, 5000)), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // Without a note every occurrence counts as news (the rule as it was): never fail the action for it.
            DriverLog.ShownMarkFailed(_logger, ex.Message);
        }
    }
}
