namespace VisualAgent.Drivers;

/// <summary>
/// A scope around an element: a dialog, landmark or region, a group or fieldset (its legend), a list, menu, tree or grid,
/// a table row (its text), or the section under a heading (the heading's text).
/// </summary>
/// <param name="Kind">The scope's role ("dialog", "region", "group", "list", "grid", "row", "heading", ...).</param>
/// <param name="Name">Its accessible name (for a row, the row's text; for a heading section, the heading).</param>
public sealed record ElementScope(string Kind, string Name);
