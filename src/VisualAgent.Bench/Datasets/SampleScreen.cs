namespace VisualAgent.Bench.Datasets;

/// <summary>
/// One app state of the sample site to photograph: a path under the samples server, an optional script that brings
/// the page into the state (open a modal, scroll), and whether the canvas-drawn button is annotated.
/// </summary>
internal sealed record SampleScreen(string Id, string Application, string Path, string? SetupScript = null, bool HasCanvasButton = false)
{
    /// <summary>The built-in states, in the order the set lists them.</summary>
    public static IReadOnlyList<SampleScreen> Defaults { get; } =
    [
        new("home", "home", ""),
        new("orders", "orders", "orders/"),
        new("orders-modal", "orders", "orders/", "document.querySelector('.view-btn').click(); true"),
        new("orders-v2", "orders-v2", "orders-v2/"),
        new("login", "login", "login/"),
        new("forms", "forms", "forms/"),
        new("forms-canvas", "forms", "forms/", "document.getElementById('canvas-button').scrollIntoView({ block: 'center' }); true", HasCanvasButton: true),
        new("hostile", "hostile", "hostile/"),
        new("dialogs", "dialogs", "dialogs/"),
    ];
}
