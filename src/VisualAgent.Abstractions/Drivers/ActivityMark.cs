namespace VisualAgent.Drivers;

/// <summary>Counters of a screen's activity at one moment (see <see cref="IActivityMonitor"/>). -1 means unknown.</summary>
public sealed record ActivityMark
{
    /// <summary>DOM mutations observed in the current document so far (-1 when the page could not say).</summary>
    public long Mutations { get; init; } = -1;

    /// <summary>A value that changes whenever a new document replaces the old one.</summary>
    public string? DocumentId { get; init; }

    /// <summary>Network requests started since the driver began.</summary>
    public long Requests { get; init; }

    /// <summary>Top-level navigations since the driver began.</summary>
    public long Navigations { get; init; }

    /// <summary>Downloads started since the driver began.</summary>
    public long Downloads { get; init; }

    /// <summary>Native dialogs opened since the driver began.</summary>
    public long Dialogs { get; init; }

    /// <summary>New pages (tabs, pop-ups) opened since the driver began.</summary>
    public long Pages { get; init; }

    public string? Location { get; init; }

    /// <summary>What happened between <paramref name="before"/> and this mark.</summary>
    public ActivityDelta Since(ActivityMark before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var newDocument = DocumentId != before.DocumentId;
        return new ActivityDelta
        {
            Mutations = newDocument || Mutations < 0 || before.Mutations < 0 ? -1 : Mutations - before.Mutations,
            NewDocument = newDocument,
            Requests = Requests - before.Requests,
            Navigations = Navigations - before.Navigations,
            Downloads = Downloads - before.Downloads,
            Dialogs = Dialogs - before.Dialogs,
            Pages = Pages - before.Pages,
            LocationChanged = !string.Equals(Location, before.Location, StringComparison.Ordinal),
        };
    }
}
