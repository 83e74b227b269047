using VisualAgent.Drivers;

namespace VisualAgent.Agent.Targets;

/// <summary>What <see cref="TargetResolver"/> decided: one element (and how it matched), or why there is none.</summary>
public sealed record TargetResolution
{
    public UiElement? Element { get; init; }

    /// <summary>Why nothing was chosen (one line a user can act on).</summary>
    public string? Problem { get; init; }

    /// <summary>How many elements matched as well as the chosen one.</summary>
    public int Matches { get; init; }

    /// <summary>How the element matched ("button \"Save\"", "the only text field on screen").</summary>
    public string How { get; init; } = "";

    /// <summary>True when several elements matched equally and the first in reading order was taken.</summary>
    public bool Ambiguous { get; init; }

    public static TargetResolution Found(UiElement element, int matches, string how) => new() { Element = element, Matches = matches, How = how };

    public static TargetResolution Fail(string problem) => new() { Problem = problem };
}
