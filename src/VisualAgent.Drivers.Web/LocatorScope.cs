using Microsoft.Playwright;

namespace VisualAgent.Drivers.Web;

/// <summary>The page, or a chain of iframes inside it, as a place to build locators in (the two share no interface).</summary>
internal sealed class LocatorScope
{
    private readonly IPage? _page;
    private readonly IFrameLocator? _frame;

    private LocatorScope(IPage? page, IFrameLocator? frame, string prefix)
    {
        _page = page;
        _frame = frame;
        Prefix = prefix;
    }

    /// <summary>The Playwright-syntax text that reaches the scope, e.g. <c>locator('#frame').contentFrame().</c>.</summary>
    public string Prefix { get; }

    public static LocatorScope For(IPage page, IReadOnlyList<string> frames)
    {
        if (frames.Count == 0)
        {
            return new LocatorScope(page, null, "");
        }

        var frame = page.Locator(frames[0]).ContentFrame;
        var prefix = $"locator({LocatorText.Quote(frames[0])}).contentFrame().";
        foreach (var css in frames.Skip(1))
        {
            frame = frame.Locator(css).ContentFrame;
            prefix += $"locator({LocatorText.Quote(css)}).contentFrame().";
        }

        return new LocatorScope(null, frame, prefix);
    }

    public ILocator GetByRole(AriaRole role, PageGetByRoleOptions options) =>
        _page?.GetByRole(role, options) ?? _frame!.GetByRole(role, new() { Name = options.Name, Exact = options.Exact });

    public ILocator GetByLabel(string text, PageGetByLabelOptions options) =>
        _page?.GetByLabel(text, options) ?? _frame!.GetByLabel(text, new() { Exact = options.Exact });

    public ILocator GetByTestId(string testId) => _page?.GetByTestId(testId) ?? _frame!.GetByTestId(testId);

    public ILocator GetByPlaceholder(string text, PageGetByPlaceholderOptions options) =>
        _page?.GetByPlaceholder(text, options) ?? _frame!.GetByPlaceholder(text, new() { Exact = options.Exact });

    public ILocator GetByText(string text, PageGetByTextOptions options) =>
        _page?.GetByText(text, options) ?? _frame!.GetByText(text, new() { Exact = options.Exact });

    public ILocator GetByAltText(string text, PageGetByAltTextOptions options) =>
        _page?.GetByAltText(text, options) ?? _frame!.GetByAltText(text, new() { Exact = options.Exact });

    public ILocator GetByTitle(string text, PageGetByTitleOptions options) =>
        _page?.GetByTitle(text, options) ?? _frame!.GetByTitle(text, new() { Exact = options.Exact });

    public ILocator Locator(string css) => _page?.Locator(css) ?? _frame!.Locator(css);
}
