namespace VisualAgent.Drivers;

/// <summary>What happened when a driver performed an action.</summary>
public sealed record ActionOutcome
{
    /// <summary>The element the action hit, when the driver can tell.</summary>
    public ElementFacts? Element { get; init; }

    /// <summary>A native dialog that opened during the action and waits for an answer.</summary>
    public NativeDialog? Dialog { get; init; }

    /// <summary>Files downloaded during the action (absolute paths).</summary>
    public IReadOnlyList<string> Downloads { get; init; } = [];

    /// <summary>Downloads that did not arrive, and why ("cancelled: it grew past 1024 MB").</summary>
    public IReadOnlyList<string> DownloadProblems { get; init; } = [];

    /// <summary>True when the action opened a new tab or pop-up and the driver switched to it.</summary>
    public bool SwitchedPage { get; init; }

    /// <summary>
    /// Pages (URLs) that opened by themselves since the last action (a pop-up on load or on a timer, not opened by an
    /// action): recorded, not followed; the driver stays on its page.
    /// </summary>
    public IReadOnlyList<string> OtherPages { get; init; } = [];

    /// <summary>The location (URL or window title) after the action.</summary>
    public string? Location { get; init; }

    public TimeSpan Duration { get; init; }
}
