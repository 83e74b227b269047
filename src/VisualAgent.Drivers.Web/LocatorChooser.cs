using System.Globalization;
using Microsoft.Playwright;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// Picks the most robust Playwright locator that matches exactly one element: role+name, label, test id, placeholder,
/// text, then CSS; <c>.nth(i)</c> only when nothing else is unique. Uniqueness is checked with Playwright's own locators,
/// within one time budget for all of them: on a giant page (more than <see cref="GiantPage"/> elements, where Playwright's
/// role and text engines take minutes) only the test id and the CSS path are tried, and when the budget runs out the CSS
/// path is returned unchecked, or nothing: a locator is a record, never a reason to fail a step.
/// </summary>
internal static class LocatorChooser
{
    public const int GiantPage = 20_000;

    public static async Task<string?> ChooseAsync(IPage page, RawElement raw, double budgetMs)
    {
        var deadline = Environment.TickCount64 + (long)budgetMs;
        try
        {
            return await ChooseCoreAsync(page, raw, deadline).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return string.IsNullOrEmpty(raw.Css) ? null : LocatorScope.For(page, raw.Frames).Prefix + $"locator({Quote(raw.Css)})";
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private static TimeSpan Left(long deadline) => TimeSpan.FromMilliseconds(Math.Max(1, deadline - Environment.TickCount64));

    private static async Task<string?> ChooseCoreAsync(IPage page, RawElement raw, long deadline)
    {
        var scope = LocatorScope.For(page, raw.Frames);
        var candidates = new List<(string Text, Func<ILocator> Build)>();
        var giant = raw.PageSize > GiantPage;
        var role = giant ? null : ParseRole(raw.Role);
        var name = raw.Name;
        if (role is { } r && !string.IsNullOrEmpty(name))
        {
            candidates.Add(($"getByRole('{raw.Role}', {{ name: {Quote(name)} }})", () => scope.GetByRole(r, new() { Name = name })));
            candidates.Add(($"getByRole('{raw.Role}', {{ name: {Quote(name)}, exact: true }})", () => scope.GetByRole(r, new() { Name = name, Exact = true })));
        }

        if (!giant && !string.IsNullOrEmpty(raw.Label))
        {
            candidates.Add(($"getByLabel({Quote(raw.Label)}, {{ exact: true }})", () => scope.GetByLabel(raw.Label, new() { Exact = true })));
        }

        if (!string.IsNullOrEmpty(raw.TestId))
        {
            candidates.Add(($"getByTestId({Quote(raw.TestId)})", () => scope.GetByTestId(raw.TestId)));
        }

        if (!giant && !string.IsNullOrEmpty(raw.Placeholder))
        {
            candidates.Add(($"getByPlaceholder({Quote(raw.Placeholder)}, {{ exact: true }})", () => scope.GetByPlaceholder(raw.Placeholder, new() { Exact = true })));
        }

        if (!giant && raw.Text is { Length: > 0 and <= 80 } text && !raw.Editable && role is not AriaRole.Textbox)
        {
            candidates.Add(($"getByText({Quote(text)}, {{ exact: true }})", () => scope.GetByText(text, new() { Exact = true })));
        }

        if (!string.IsNullOrEmpty(raw.Css))
        {
            candidates.Add(($"locator({Quote(raw.Css)})", () => scope.Locator(raw.Css)));
        }

        foreach (var (candidateText, build) in candidates)
        {
            if (await build().CountAsync().WaitAsync(Left(deadline)).ConfigureAwait(false) == 1)
            {
                return scope.Prefix + candidateText;
            }
        }

        // Last resort: the first candidate, disambiguated by which match covers the element's centre.
        if (candidates.Count == 0)
        {
            return null;
        }

        var (firstText, firstBuild) = candidates[0];
        var index = await firstBuild().EvaluateAllAsync<int>(
            "(els, [x, y]) => els.findIndex(e => { const r = e.getBoundingClientRect(); return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; })",
            new[] { raw.Cx, raw.Cy }).WaitAsync(Left(deadline)).ConfigureAwait(false);
        return index >= 0 ? scope.Prefix + firstText + ".nth(" + index.ToString(CultureInfo.InvariantCulture) + ")" : scope.Prefix + firstText;
    }

    /// <summary>A JavaScript single-quoted string literal.</summary>
    public static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal) + "'";

    private static AriaRole? ParseRole(string? role) =>
        role is not null && Enum.TryParse<AriaRole>(role, ignoreCase: true, out var parsed) ? parsed : null;
}
