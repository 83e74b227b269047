using System.Diagnostics;
using Microsoft.Playwright;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// The ranked locators checked by Playwright's own engines when a step records them: our ranking (Scripts/locators.js)
/// counts matches with the DOM, and Playwright's role, text and CSS engines see some pages differently (open shadow
/// roots, hidden duplicates, CSS text-transform, generated content, line breaks in text), so the entries a script or a
/// replay would try first are resolved as they would resolve them and marked when Playwright does not find exactly the
/// recorded element.
/// </summary>
public sealed partial class PlaywrightDriver
{
    /// <summary>Entries Playwright must confirm before the rest are left as the ranking said (scripts use the first, healing the next).</summary>
    internal const int ConfirmedEnough = 2;

    /// <summary>Over a locator's matches: how many, and where among them the element the describing script found is.</summary>
    private const string CountAndIndexOfTarget =
        "els => { const t = window[Symbol.for('visual-agent.target')]; return [els.length, t ? els.indexOf(t) : -1]; }";

    /// <summary>
    /// Resolves the ranked entries best first through Playwright (as <see cref="Build"/> writes them, the way scripts
    /// and replay resolve them) until <see cref="ConfirmedEnough"/> find exactly the described element, within
    /// <see cref="BrowserOptions.LocatorCheckMs"/> (a giant or slow page keeps the ranking's own verdicts past it): each asked entry gets <see cref="ElementLocator.Playwright"/>, and one Playwright
    /// resolves to none, several or another element is no longer unique. Entries the ranking already found not unique
    /// are not asked.
    /// </summary>
    internal async Task<IReadOnlyList<ElementLocator>> CheckRankedAsync(IPage page, RawElement raw, CancellationToken cancellationToken)
    {
        var scope = LocatorScope.For(page, raw.Frames);
        var checkedList = new List<ElementLocator>(raw.Locators.Count);
        var confirmed = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var entry in raw.Locators)
        {
            var left = _options.LocatorCheckMs - Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!entry.Unique || confirmed >= ConfirmedEnough || left <= 0)
            {
                checkedList.Add(entry);
                continue;
            }

            var verdict = await ResolvesToTargetAsync(scope, entry, left, cancellationToken).ConfigureAwait(false);
            if (verdict is null)
            {
                checkedList.Add(entry);
                continue;
            }

            checkedList.Add(entry with { Playwright = verdict, Unique = verdict.Value });
            confirmed += verdict.Value ? 1 : 0;
        }

        return checkedList;
    }

    /// <summary>True when Playwright resolves the entry to exactly the described element; null when it ran out of time.</summary>
    private async Task<bool?> ResolvesToTargetAsync(LocatorScope scope, ElementLocator entry, double leftMs, CancellationToken cancellationToken)
    {
        if (Build(scope, entry) is not { } found)
        {
            return false;
        }

        try
        {
            var result = await found.EvaluateAllAsync<int[]>(CountAndIndexOfTarget)
                .WaitAsync(TimeSpan.FromMilliseconds(leftMs), _time, cancellationToken).ConfigureAwait(false);
            var (count, index) = (result[0], result[1]);
            return entry.Nth is { } nth ? index == nth : count == 1 && index == 0;
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (PlaywrightException)
        {
            // Playwright cannot parse or run it (its CSS parser is its own): a script with it would fail.
            return false;
        }
    }
}
