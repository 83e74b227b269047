namespace VisualAgent.Bench.Datasets;

/// <summary>One element as <see cref="Drivers.Web.Scripts.PageElementScript.Query"/> reports it (box in screenshot pixels).</summary>
internal sealed record PageElement
{
    /// <summary>link, button, input, textarea, select, checkbox, radio, slider, file (or canvas for the drawn button).</summary>
    public string Kind { get; init; } = "";

    public string Tag { get; init; } = "";

    public string Id { get; init; } = "";

    /// <summary>The element's own visible text (buttons and links).</summary>
    public string Text { get; init; } = "";

    /// <summary>The text of its &lt;label&gt; (or aria-labelledby element).</summary>
    public string Label { get; init; } = "";

    public string Aria { get; init; } = "";

    public string Placeholder { get; init; } = "";

    /// <summary>True when the same text is also shown by another element on the screen.</summary>
    public bool TextElsewhere { get; init; }

    public double X1 { get; init; }

    public double Y1 { get; init; }

    public double X2 { get; init; }

    public double Y2 { get; init; }
}
