using System.Text.Json;
using Microsoft.Playwright;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// The page as elements (<see cref="IElementQuery"/>) and as activity counters (<see cref="IActivityMonitor"/>), read by
/// <see cref="PageScripts.PageModel"/>; CSS pixels become screenshot pixels here, through <see cref="CoordinateMapper"/>.
/// </summary>
public sealed partial class PlaywrightDriver
{
    private long _requestCount;
    private long _navigationCount;
    private long _downloadCount;
    private long _dialogCount;
    private long _pageCount;

    /// <inheritdoc />
    public async Task<ElementSnapshot> QueryElementsAsync(int limit = 4000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var json = await PageModelAsync(new Dictionary<string, object> { ["op"] = "query", ["limit"] = limit, ["budget"] = WalkBudgetMs }, "Reading the page's elements", cancellationToken).ConfigureAwait(false);
        if (json is not { ValueKind: JsonValueKind.Object } root)
        {
            return new ElementSnapshot { Elements = [], Location = CurrentUrl };
        }

        var elements = new List<UiElement>();
        foreach (var item in root.GetProperty("elements").EnumerateArray())
        {
            elements.Add(PageElementJson.ToElement(item, _dsf));
        }

        return new ElementSnapshot
        {
            Elements = elements,
            Truncated = root.GetProperty("truncated").GetBoolean(),
            Unreadable = [.. root.GetProperty("unreadable").EnumerateArray().Select(u => u.GetString() ?? "").Distinct(StringComparer.Ordinal)],
            Location = root.GetProperty("location").GetString(),
        };
    }

    /// <inheritdoc />
    public Task<UiElement?> RefreshAsync(string elementRef, CancellationToken cancellationToken = default) =>
        OneAsync(new Dictionary<string, object> { ["op"] = "refresh", ["ref"] = elementRef }, "Reading an element", cancellationToken);

    /// <inheritdoc />
    public Task<UiElement?> RevealAsync(string elementRef, CancellationToken cancellationToken = default) =>
        OneAsync(new Dictionary<string, object> { ["op"] = "reveal", ["ref"] = elementRef }, "Scrolling an element into view", cancellationToken);

    /// <inheritdoc />
    public Task<UiElement?> FocusedAsync(CancellationToken cancellationToken = default) =>
        OneAsync(new Dictionary<string, object> { ["op"] = "focus" }, "Reading the focused element", cancellationToken);

    /// <inheritdoc />
    public async Task<UiElement?> HitTestAsync(ScreenPoint point, CancellationToken cancellationToken = default)
    {
        CssPoint css;
        try
        {
            css = Css(point.X, point.Y);
        }
        catch (DriverException)
        {
            return null;
        }

        return await OneAsync(new Dictionary<string, object> { ["op"] = "hit", ["x"] = css.X, ["y"] = css.Y }, $"Hit-testing {point}", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TextBlock>> QueryTextAsync(int limit = 4000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var json = await PageModelAsync(new Dictionary<string, object> { ["op"] = "text", ["limit"] = limit, ["budget"] = WalkBudgetMs }, "Reading the page's text", cancellationToken).ConfigureAwait(false);
        if (json is not { ValueKind: JsonValueKind.Array } items)
        {
            return [];
        }

        return [.. items.EnumerateArray().Select(i => new TextBlock(
            i.GetProperty("text").GetString() ?? "", PageElementJson.Box(i.GetProperty("box"), _dsf), i.GetProperty("visible").GetBoolean(), i.GetProperty("ref").GetString() ?? ""))];
    }

    /// <inheritdoc />
    public async Task<ActivityMark> MarkAsync(CancellationToken cancellationToken = default)
    {
        long mutations = -1;
        string? documentId = null;
        if (PendingDialog is null)
        {
            try
            {
                var json = await PageModelAsync(new Dictionary<string, object> { ["op"] = "activity" }, "Reading the page's activity", cancellationToken).ConfigureAwait(false);
                if (json is { ValueKind: JsonValueKind.Object } a)
                {
                    mutations = (long)a.GetProperty("mutations").GetDouble();
                    documentId = a.GetProperty("documentId").GetString();
                }
            }
            catch (DriverException)
            {
                // A page mid-navigation cannot answer: the counters below still say what happened.
            }
        }

        return new ActivityMark
        {
            Mutations = mutations,
            DocumentId = documentId,
            Requests = Interlocked.Read(ref _requestCount),
            Navigations = Interlocked.Read(ref _navigationCount),
            Downloads = Interlocked.Read(ref _downloadCount),
            Dialogs = Interlocked.Read(ref _dialogCount),
            Pages = Interlocked.Read(ref _pageCount),
            Location = CurrentUrl,
        };
    }

    /// <summary>
    /// How long one walk over the page may take (half the navigation bound, at most 5 s): a giant page is read in part
    /// (the snapshot says truncated) instead of holding the run.
    /// </summary>
    private int WalkBudgetMs => Math.Clamp(_options.NavigationTimeoutMs / 2, 50, 5000);

    private async Task<UiElement?> OneAsync(Dictionary<string, object> args, string what, CancellationToken cancellationToken)
    {
        var json = await PageModelAsync(args, what, cancellationToken).ConfigureAwait(false);
        return json is { ValueKind: JsonValueKind.Object } item ? PageElementJson.ToElement(item, _dsf) : null;
    }

    private Task<JsonElement?> PageModelAsync(Dictionary<string, object> args, string what, CancellationToken cancellationToken) =>
        PageScriptAsync(PageScripts.PageModel, args, what, cancellationToken);

    /// <summary>Evaluates one of <see cref="PageScripts"/> on the current page, bounded by the navigation timeout.</summary>
    private async Task<JsonElement?> PageScriptAsync(string script, Dictionary<string, object> args, string what, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        ThrowIfDialogOpen(what.ToLowerInvariant());
        var page = CurrentPage;
        try
        {
            return await page.EvaluateAsync<JsonElement?>(script, args)
                .WaitAsync(TimeSpan.FromMilliseconds(Math.Max(1000, _options.NavigationTimeoutMs)), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (PlaywrightException ex)
        {
            throw Wrap(what, ex);
        }
        catch (TimeoutException ex)
        {
            throw await TimedOutAsync(page, what, ex).ConfigureAwait(false);
        }
    }
}
