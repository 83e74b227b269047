using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Plans;

/// <summary>One step of a generated script, target-neutral.</summary>
public sealed record ScriptStep
{
    /// <summary>The recorded step's index (steps.jsonl).</summary>
    public required int Index { get; init; }

    public required ScriptVerb Verb { get; init; }

    /// <summary>The step as recorded in words (secrets still {{secret:NAME}}), written as a comment.</summary>
    public required string Description { get; init; }

    /// <summary>The ranked locators of the element the step acted on (best first); empty for coordinate and page steps.</summary>
    public IReadOnlyList<ElementLocator> Locators { get; init; } = [];

    /// <summary>Where to act when there is no locator, in CSS pixels of the viewport (screenshot pixels / device scale).</summary>
    public (double X, double Y)? Point { get; init; }

    /// <summary>Why the step acts at a point (no DOM, a canvas, a run recorded before locators).</summary>
    public string? PointReason { get; init; }

    /// <summary>
    /// A comment written before the step acts: where else to act should its locator stop matching (a point found on a
    /// screenshot, kept as a commented fallback beside the locator). Null: none.
    /// </summary>
    public string? FallbackNote { get; init; }

    /// <summary>Text to type, text to wait for or verify.</summary>
    public ScriptText? Text { get; init; }

    /// <summary>The option to select, the file to upload.</summary>
    public string? Value { get; init; }

    /// <summary>A URL to open: relative to the base URL when <see cref="RelativeToBase"/>.</summary>
    public string? Url { get; init; }

    public bool RelativeToBase { get; init; }

    /// <summary>Keys of a chord, lower case ("ctrl", "a").</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Seconds to wait, or wheel pixels to scroll (positive = down).</summary>
    public double? Amount { get; init; }

    /// <summary>Clicks of a click (3 = triple click, which only Playwright says in one call).</summary>
    public int ClickCount { get; init; } = 1;

    /// <summary>A middle-button click (Selenium has no way to say it).</summary>
    public bool MiddleButton { get; init; }

    /// <summary>
    /// Type the text key by key rather than fill it (<see cref="TypingRule"/>): why, written as a comment; null for a
    /// plain fill.
    /// </summary>
    public string? KeyByKey { get; init; }

    /// <summary>Press Enter after typing.</summary>
    public bool Submit { get; init; }

    /// <summary>The second point of a drag (CSS pixels).</summary>
    public (double X, double Y)? Point2 { get; init; }

    /// <summary>A download the step starts (the next step waits for it): scripts listen for it before acting.</summary>
    public bool StartsDownload { get; init; }

    /// <summary>The file name the run downloaded, when this step waited for a download.</summary>
    public string? DownloadName { get; init; }

    /// <summary>Desktop runs: where the element lives (application, window, role/name chain), found again through the accessibility tree.</summary>
    public ElementPath? Path { get; init; }

    /// <summary>The value the field must hold after typing (null when secret or unknown): the run's own check.</summary>
    public string? ExpectValue { get; init; }
}
