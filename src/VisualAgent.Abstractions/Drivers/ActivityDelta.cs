namespace VisualAgent.Drivers;

/// <summary>What a screen did between two <see cref="ActivityMark"/>s.</summary>
public sealed record ActivityDelta
{
    /// <summary>DOM mutations in the same document; -1 when unknown (a new document, or the page could not say).</summary>
    public long Mutations { get; init; }

    public bool NewDocument { get; init; }

    public long Requests { get; init; }

    public long Navigations { get; init; }

    public long Downloads { get; init; }

    public long Dialogs { get; init; }

    public long Pages { get; init; }

    public bool LocationChanged { get; init; }

    /// <summary>True when something is known to have happened (a DOM change, a request, a navigation, a download, a dialog, a page).</summary>
    public bool Any => Mutations > 0 || NewDocument || Requests > 0 || Navigations > 0 || Downloads > 0 || Dialogs > 0 || Pages > 0 || LocationChanged;

    /// <summary>True when the DOM could not say whether it changed: nothing can be proved to have had no effect.</summary>
    public bool Unknown => Mutations < 0 && !NewDocument;

    /// <summary>True when something left the page or may have changed state elsewhere (a request, a navigation, a download).</summary>
    public bool SideEffects => Requests > 0 || Navigations > 0 || Downloads > 0 || NewDocument || LocationChanged || Pages > 0;

    public override string ToString()
    {
        var parts = new List<string>();
        if (NewDocument || Navigations > 0 || LocationChanged)
        {
            parts.Add("navigated");
        }

        if (Mutations < 0 && !NewDocument)
        {
            parts.Add("DOM changes unknown");
        }

        if (Mutations > 0)
        {
            parts.Add($"{Mutations} DOM change(s)");
        }

        if (Requests > 0)
        {
            parts.Add($"{Requests} request(s)");
        }

        if (Downloads > 0)
        {
            parts.Add($"{Downloads} download(s)");
        }

        if (Dialogs > 0)
        {
            parts.Add($"{Dialogs} dialog(s)");
        }

        if (Pages > 0)
        {
            parts.Add($"{Pages} new page(s)");
        }

        return parts.Count == 0 ? "no effect" : string.Join(", ", parts);
    }
}
