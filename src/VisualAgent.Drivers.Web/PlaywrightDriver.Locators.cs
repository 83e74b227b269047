using Microsoft.Playwright;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>Recorded locators resolved with Playwright's own engines (getByRole, getByLabel, ...), for replay.</summary>
public sealed partial class PlaywrightDriver : ILocatorResolver
{
    /// <inheritdoc />
    public async Task<LocatorMatch> ResolveAsync(ElementLocator locator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ThrowIfUnusable();
        ThrowIfDialogOpen("resolve a locator");
        var page = CurrentPage;
        var scope = LocatorScope.For(page, locator.Frames ?? []);
        var found = Build(scope, locator);
        if (found is null)
        {
            return new LocatorMatch(0, null);
        }

        try
        {
            var bound = TimeSpan.FromMilliseconds(Math.Max(1000, Math.Min(5000, _options.NavigationTimeoutMs)));
            var count = await found.CountAsync().WaitAsync(bound, _time, cancellationToken).ConfigureAwait(false);
            if (locator.Nth is { } nth)
            {
                count = count > nth ? 1 : 0;
                found = found.Nth(nth);
            }

            if (count != 1)
            {
                return new LocatorMatch(count, null);
            }

            await using var handle = await found.ElementHandleAsync(new() { Timeout = (float)bound.TotalMilliseconds }).ConfigureAwait(false);
            var json = await page.EvaluateAsync<System.Text.Json.JsonElement?>(PageScripts.PageModel, new Dictionary<string, object> { ["op"] = "describe", ["el"] = handle })
                .WaitAsync(bound, _time, cancellationToken).ConfigureAwait(false);
            return json is { ValueKind: System.Text.Json.JsonValueKind.Object } item ? new LocatorMatch(1, PageElementJson.ToElement(item, _dsf)) : new LocatorMatch(0, null);
        }
        catch (PlaywrightException ex)
        {
            throw Wrap("Resolving a recorded locator", ex);
        }
        catch (TimeoutException)
        {
            return new LocatorMatch(0, null);
        }
    }

    /// <summary>The locator as scripts write it and replay resolves it (without its <see cref="ElementLocator.Nth"/>).</summary>
    internal static ILocator? Build(LocatorScope scope, ElementLocator l) => l.Kind switch
    {
        LocatorKind.TestId => scope.GetByTestId(l.Value),
        LocatorKind.Role when Enum.TryParse<AriaRole>(l.Role, ignoreCase: true, out var role) =>
            string.IsNullOrEmpty(l.Name) ? scope.GetByRole(role, new()) : scope.GetByRole(role, new() { Name = l.Name, Exact = l.Exact }),
        LocatorKind.Placeholder => scope.GetByPlaceholder(l.Value, new() { Exact = l.Exact }),
        LocatorKind.Label => scope.GetByLabel(l.Value, new() { Exact = l.Exact }),
        LocatorKind.Text => scope.GetByText(l.Value, new() { Exact = l.Exact }),
        LocatorKind.Alt => scope.GetByAltText(l.Value, new() { Exact = l.Exact }),
        LocatorKind.Title => scope.GetByTitle(l.Value, new() { Exact = l.Exact }),
        LocatorKind.Id => scope.Locator(l.Css ?? $"[id={Css(l.Value)}]"),
        LocatorKind.Css => scope.Locator(l.Value),
        LocatorKind.XPath => scope.Locator("xpath=" + l.Value),
        _ => null,
    };

    private static string Css(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
