using VisualAgent.Drivers;
using VisualAgent.Geometry;

namespace VisualAgent.Tests.Fakes;

/// <summary>
/// A fake browser that also offers the page's elements and activity counters, from a list the test sets up: element
/// states come from <see cref="Elements"/>, hit-testing finds the element whose box holds the point.
/// </summary>
internal sealed class FakePageDriver : FakeBrowserDriver, IElementQuery, IActivityMonitor
{
    private long _mutations;

    public FakePageDriver()
    {
        OnExecute = React;
    }

    /// <summary>A click toggles the checkbox it hits; a select sets the list's value; every action counts as a DOM change.</summary>
    private void React(VisualAgent.Actions.AgentAction action)
    {
        _mutations++;
        if (action.Target is not { } point || Elements.Where(e => e.Box.Contains(point)).OrderBy(e => e.Box.Area).FirstOrDefault() is not { } hit)
        {
            return;
        }

        var i = Elements.IndexOf(hit);
        Elements[i] = action switch
        {
            VisualAgent.Actions.SelectAction select => hit with { Value = select.Option },
            VisualAgent.Actions.ClickAction when hit.States.Checked is { } c => hit with { States = hit.States with { Checked = !c } },
            _ => hit,
        };
    }

    public List<UiElement> Elements { get; } = [];

    public Task<ElementSnapshot> QueryElementsAsync(int limit = 4000, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ElementSnapshot { Elements = [.. Elements.Take(limit)] });

    public Task<UiElement?> RefreshAsync(string elementRef, CancellationToken cancellationToken = default) =>
        Task.FromResult(Elements.FirstOrDefault(e => e.Ref == elementRef));

    public Task<UiElement?> RevealAsync(string elementRef, CancellationToken cancellationToken = default) => RefreshAsync(elementRef, cancellationToken);

    public Task<UiElement?> HitTestAsync(ScreenPoint point, CancellationToken cancellationToken = default) =>
        Task.FromResult(Elements.Where(e => e.Box.Contains(point)).OrderBy(e => e.Box.Area).FirstOrDefault());

    public Task<UiElement?> FocusedAsync(CancellationToken cancellationToken = default) => Task.FromResult<UiElement?>(null);

    public Task<IReadOnlyList<TextBlock>> QueryTextAsync(int limit = 4000, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TextBlock>>([.. Elements.Where(e => e.Text.Length > 0).Select(e => new TextBlock(e.Text, e.Box, e.VisibleBox is not null, e.Ref))]);

    public Task<ActivityMark> MarkAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new ActivityMark { Mutations = _mutations, DocumentId = CurrentUrl, Location = CurrentUrl });

    /// <summary>A visible, hittable element with a box centred on (x, y).</summary>
    public static UiElement Element(string role, string name, double x, double y, ElementStates? states = null, IReadOnlyList<string>? options = null, string? tag = null) => new()
    {
        Ref = $"{role}:{name}:{x}:{y}", Role = role, Name = name, Text = name, OwnText = name, Tag = tag,
        Box = new ScreenBox(x - 40, y - 12, x + 40, y + 12), VisibleBox = new ScreenBox(x - 40, y - 12, x + 40, y + 12),
        ClickPoint = new ScreenPoint(x, y), HitAtCentre = true, Interactive = true, States = states ?? new ElementStates(), Options = options ?? [],
    };
}
