namespace VisualAgent.Bench.Datasets;

/// <summary>
/// One app state of the sample site to photograph: a path under the samples server, an optional element to click
/// (open a modal) or scroll to the centre (CSS selectors) that brings the page into the state, and whether the canvas-drawn button is annotated.
/// </summary>
internal sealed record SampleScreen(string Id, string Application, string Path, string? ClickSelector = null, string? ScrollToSelector = null, bool HasCanvasButton = false)
{
    /// <summary>The built-in states, in the order the set lists them.</summary>
    public static IReadOnlyList<SampleScreen> Defaults { get; } =
    [
        new("home", "home", ""),
        new("orders", "orders", "orders/"),
        new("orders-modal", "orders", "orders/", ClickSelector: ".view-btn"),
        new("orders-v2", "orders-v2", "orders-v2/"),
        new("login", "login", "login/"),
        new("forms", "forms", "forms/"),
        new("forms-canvas", "forms", "forms/", ScrollToSelector: "#canvas-button", HasCanvasButton: true),
        new("hostile", "hostile", "hostile/"),
        new("dialogs", "dialogs", "dialogs/"),
    ];
}
