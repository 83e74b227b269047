using System.Text;
using VisualAgent.Drivers.Desktop.AtSpi;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop;

/// <summary>The accessibility side: elements from AT-SPI for grounding and checks; pixels only when there is no bus.</summary>
public sealed partial class DesktopDriver : IElementQuery
{
    private AtSpiTree? _tree;

    /// <summary>True when the AT-SPI tree is read; false = pixels only (<see cref="AccessibilityStatus"/> says why).</summary>
    public bool HasAccessibility => _tree is not null;

    /// <summary>What the accessibility side is: connected (with how many applications) or why it is not there.</summary>
    public string AccessibilityStatus { get; private set; } = "not opened";

    public Task<ElementSnapshot> QueryElementsAsync(int limit = 4000, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_tree is null)
        {
            return Task.FromResult(new ElementSnapshot { Elements = [], Unreadable = [$"the whole screen ({AccessibilityStatus})"], Location = Location() });
        }

        var (nodes, truncated) = _tree.Walk(limit);
        var windows = _windows.List();
        var screen = _display.Size;
        var elements = nodes.Where(n => n.Depth > 0).Select(n => AtSpiElements.ToElement(n, _tree.Known, windows, screen)).ToList();
        var unreadable = windows.Where(w => !w.Popup && w.ProcessId is { } pid && nodes.All(n => n.ProcessId != pid))
            .Select(w => $"the window \"{w.Title}\" (its application is not on the accessibility bus)").ToList();
        return Task.FromResult(new ElementSnapshot { Elements = elements, Truncated = truncated, Unreadable = unreadable, Location = Location(windows) });
    }

    public Task<UiElement?> RefreshAsync(string elementRef, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_tree is null || AtSpiElements.IdOf(elementRef) is not { } id || _tree.Read(id) is not { } node)
        {
            return Task.FromResult<UiElement?>(null);
        }

        return Task.FromResult<UiElement?>(AtSpiElements.ToElement(node, _tree.Known, _windows.List(), _display.Size));
    }

    /// <summary>Desktop elements are not scrolled into view: the element as it is now.</summary>
    public Task<UiElement?> RevealAsync(string elementRef, CancellationToken cancellationToken = default) => RefreshAsync(elementRef, cancellationToken);

    public async Task<UiElement?> HitTestAsync(ScreenPoint point, CancellationToken cancellationToken = default)
    {
        var snapshot = await QueryElementsAsync(20000, cancellationToken).ConfigureAwait(false);
        return HitTest(OnTopAt(snapshot.Elements, point), point);
    }

    /// <summary>
    /// The elements of the window on top at the point (X stacking order, matched to the AT-SPI window by title and
    /// process): an element of a window underneath is covered there, whatever its box says. All of them when the top
    /// window is a pop-up or untitled, or nothing of the tree matches it.
    /// </summary>
    private IReadOnlyList<UiElement> OnTopAt(IReadOnlyList<UiElement> elements, ScreenPoint point)
    {
        if (_tree is not { } tree || _windows.At(point) is not { Popup: false, Title.Length: > 0 } top)
        {
            return elements;
        }

        var mine = elements.Where(e => AtSpiElements.IdOf(e.Ref) is { } id && tree.Known(id) is { } node && tree.Known(node.Window) is { } window
            && window.Name == top.Title && (top.ProcessId is null || node.ProcessId == 0 || node.ProcessId == top.ProcessId)).ToList();
        return mine.Count > 0 ? mine : elements;
    }

    public async Task<UiElement?> FocusedAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await QueryElementsAsync(20000, cancellationToken).ConfigureAwait(false);
        return snapshot.Elements.LastOrDefault(e => e.States.Focused && e.Role is not ("window" or "dialog"));
    }

    public async Task<IReadOnlyList<TextBlock>> QueryTextAsync(int limit = 4000, CancellationToken cancellationToken = default)
    {
        var snapshot = await QueryElementsAsync(limit, cancellationToken).ConfigureAwait(false);
        return snapshot.Elements
            .Where(e => e.Role is not ("window" or "group") && (e.Value is { Length: > 0 } && e.InputType != "password" || e.OwnText.Length > 0))
            .Select(e => new TextBlock(e.Value is { Length: > 0 } v && e.InputType != "password" ? v : e.OwnText, e.Box, e.VisibleBox is not null, e.Ref))
            .Take(limit)
            .ToList();
    }

    public async Task<ElementFacts?> ElementAtAsync(ScreenPoint point, CancellationToken cancellationToken = default)
    {
        if (_tree is not null && await HitTestAsync(point, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return new ElementFacts
            {
                Tag = hit.Tag, Role = hit.Role, Name = hit.Name, Text = hit.OwnText, Box = hit.VisibleBox ?? hit.Box, Label = hit.Label,
                InputType = hit.InputType, Editable = hit.States.Editable, Path = PathOf(hit.Ref),
                Locator = PathOf(hit.Ref)?.ToString(),
            };
        }

        return _windows.At(point) is { } window
            ? new ElementFacts { Role = "window", Name = window.Title, Box = window.Box, Path = new ElementPath { Application = window.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Window = window.Title, Chain = [] } }
            : null;
    }

    /// <summary>Application, window and role/name chain of an element the last walk saw; null when unknown.</summary>
    public ElementPath? PathOf(string elementRef)
    {
        if (_tree is null || AtSpiElements.IdOf(elementRef) is not { } id || _tree.Known(id) is not { } node)
        {
            return null;
        }

        var chain = new List<ElementPathStep>();
        var current = node;
        for (var guard = 0; guard < 64 && current is not null && current.Id != current.Window; guard++)
        {
            chain.Add(new ElementPathStep(current.Role, AtSpiElements.Normalize(current.Name), current.Index));
            current = _tree.Known(current.Parent);
        }

        chain.Reverse();
        var window = _tree.Known(node.Window);
        return new ElementPath { Application = node.App, Window = window?.Name ?? "", Chain = chain, AutomationId = node.AccessibleId };
    }

    /// <summary>Performs an element's AT-SPI action (its first, or the one named), e.g. "click" or "activate"; false when it offers none.</summary>
    public bool DoAction(string elementRef, string? action = null) =>
        _tree is not null && AtSpiElements.IdOf(elementRef) is { } id && _tree.DoAction(id, action);

    /// <summary>Replaces an editable element's text through AT-SPI; false when it is not editable that way.</summary>
    public bool SetText(string elementRef, string text) =>
        _tree is not null && AtSpiElements.IdOf(elementRef) is { } id && _tree.SetText(id, text);

    public async Task<string?> AccessibilitySnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (_tree is null)
        {
            return null;
        }

        var (nodes, _) = _tree.Walk(4000);
        cancellationToken.ThrowIfCancellationRequested();
        var text = new StringBuilder();
        foreach (var n in nodes)
        {
            text.Append(' ', 2 * (n.Depth - 1)).Append("- ").Append(n.Role);
            if (n.Name.Length > 0)
            {
                text.Append(" \"").Append(AtSpiElements.Normalize(n.Name)).Append('"');
            }

            if (n.Text is { Length: > 0 } t && n.Role != "password text" && t != n.Name)
            {
                text.Append(": ").Append(AtSpiElements.Normalize(t.Length > 80 ? t[..80] : t));
            }

            text.Append('\n');
        }

        return await Task.FromResult(text.ToString()).ConfigureAwait(false);
    }

    internal static UiElement? HitTest(IReadOnlyList<UiElement> elements, ScreenPoint point)
    {
        var under = elements.Where(e => e.VisibleBox is { } v && v.Contains(point) && e.Role is not ("window" or "dialog")).ToList();
        var reachable = under.Where(e => e.HitAtCentre || e.VisibleBox!.Value.Contains(point)).ToList();
        return reachable.Where(e => e.Interactive).MinBy(e => e.VisibleBox!.Value.Area)
            ?? reachable.MinBy(e => e.VisibleBox!.Value.Area);
    }

    private void OpenAccessibility()
    {
        if (!_options.Accessibility)
        {
            AccessibilityStatus = "accessibility turned off; pixels only";
            return;
        }

        _tree = AtSpiTree.TryOpen(out var status);
        AccessibilityStatus = status;
    }

    private void DisposeAccessibility()
    {
        _tree?.Dispose();
        _tree = null;
    }
}
