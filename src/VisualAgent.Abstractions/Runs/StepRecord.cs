using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Planning;

namespace VisualAgent.Runs;

/// <summary>One line of steps.jsonl, written and flushed when the step ends.</summary>
public sealed record StepRecord
{
    public required int Index { get; init; }

    public required DateTimeOffset Started { get; init; }

    public DateTimeOffset Ended { get; init; }

    /// <summary>The step as planned in words (offline grammar clause, or the planner's intent).</summary>
    public string? Description { get; init; }

    /// <summary>Screenshot file relative to the run folder ("shots/001.png").</summary>
    public string? Screenshot { get; init; }

    public PixelSize? ScreenshotSize { get; init; }

    public string? AnnotatedScreenshot { get; init; }

    public string? Model { get; init; }

    /// <summary>The exact image size sent to the model.</summary>
    public PixelSize? SentSize { get; init; }

    public string? RawReply { get; init; }

    /// <summary>The parsed action in screenshot pixels.</summary>
    public AgentAction? Action { get; init; }

    public ElementFacts? Element { get; init; }

    /// <summary>For desktop steps: where the element lives (application, window, role/name chain, automation id).</summary>
    public ElementPath? ElementPath { get; init; }

    public double? Confidence { get; init; }

    /// <summary>The structured step (verb, target phrase, text, option, keys), secrets still written {{secret:NAME}} (format 2).</summary>
    public StepIntent? Intent { get; init; }

    /// <summary>Whether the step had its intended effect (format 2).</summary>
    public StepCheck? Check { get; init; }

    /// <summary>How the target was found: "page: button \"Save\"", "pixels (ocr): ..." (format 2).</summary>
    public string? Grounding { get; init; }

    /// <summary>
    /// The element acted on, ranked ways to find it again (best first, format 2); null for steps that acted on no
    /// element and for runs recorded before locators were.
    /// </summary>
    public IReadOnlyList<ElementLocator>? Locators { get; init; }

    /// <summary>What the element acted on was, for healing (format 2).</summary>
    public ElementFingerprint? Fingerprint { get; init; }

    /// <summary>
    /// The element acted on as it looked on the step's (already masked) screen: a PNG crop of its box, padded a little,
    /// relative to the run folder ("shots/003.element.png", format 2); null when no element box or no savable screen.
    /// </summary>
    public string? Crop { get; init; }

    /// <summary>Why a step that acted at a point has no locators (a canvas, pixels only, no element there).</summary>
    public string? NoLocator { get; init; }

    /// <summary>Written "ok", "retry", "failed", "blocked" or "skipped".</summary>
    public required StepOutcome Outcome { get; init; }

    public string? Error { get; init; }

    /// <summary>Fraction of the screen that changed after the action, when verified.</summary>
    public double? ScreenChange { get; init; }

    public TokenUsage? Usage { get; init; }

    /// <summary>What this step's model calls cost, from the profile's price; null when the price is unknown.</summary>
    public double? Cost { get; init; }

    public double ModelMs { get; init; }

    public double ActMs { get; init; }

    public double TotalMs { get; init; }
}
