using VisualAgent.Drivers;

namespace VisualAgent.Planning;

/// <summary>What a planner sees before deciding the next step.</summary>
public sealed record PlannerContext
{
    public required string Goal { get; init; }

    public required Screenshot Screenshot { get; init; }

    /// <summary>Short descriptions of the steps so far, oldest first, with their outcomes and errors.</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>The page's accessibility snapshot, when the driver offers one (evidence, treated as data).</summary>
    public string? AccessibilitySnapshot { get; init; }

    public string? Location { get; init; }

    public int StepIndex { get; init; }
}
