using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Runs;

namespace VisualAgent.Agent;

/// <summary>What one step did, gathered while it runs and turned into its StepRecord.</summary>
internal sealed class StepTrace
{
    public AgentAction? Action { get; set; }

    public ElementFacts? Element { get; set; }

    /// <summary>The observation the element's box was read against (already masked), for its crop; null when there was none.</summary>
    public Screenshot? ElementScreen { get; set; }

    /// <summary>The planner's raw reply (a model planner), kept apart from the grounder's.</summary>
    public string? PlannerRaw { get; set; }

    /// <summary>The grounder's raw reply (or the OCR grounder's explanation) of the last grounding.</summary>
    public string? Raw { get; set; }

    public string? RawReply => PlannerRaw is null ? Raw : Raw is null ? PlannerRaw : $"{PlannerRaw}\n\n[grounder] {Raw}";

    public PixelSize? SentSize { get; set; }

    public double? Confidence { get; set; }

    public TokenUsage? Usage { get; set; }

    public double ModelMs { get; set; }

    public double ActMs { get; set; }

    public double? ScreenChange { get; set; }

    /// <summary>How the target was found ("page: button \"Save\"", "pixels (ocr)").</summary>
    public string? Grounding { get; set; }

    /// <summary>The screen's evidence before the action, for the step's check.</summary>
    public StepProbe Probe { get; set; } = new();

    public VisualAgent.Runs.StepCheck? Check { get; set; }

    /// <summary>Why the screen's elements did not give the target (shown when pixels do not find it either).</summary>
    public string? PageProblem { get; set; }

    /// <summary>Time spent grounding through the screen's elements.</summary>
    public double GroundMs { get; set; }

    /// <summary>Things worth knowing that are not errors: retries, dialogs answered, scrolling to find, confirmations.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>A person already said yes to this step (retries do not ask again).</summary>
    public bool Confirmed { get; set; }

    public void AddUsage(TokenUsage? usage)
    {
        if (usage is not null)
        {
            Usage = Usage is null ? usage : Usage + usage;
        }
    }
}

/// <summary>A step that could not be done (target not found, nothing to wait for); the run may retry it.</summary>
internal sealed class StepFailedException(string message, bool final = false, FailureCause cause = FailureCause.Error) : Exception(message)
{
    /// <summary>Retrying cannot help (a wait that already waited its whole time).</summary>
    public bool Final { get; } = final;

    public FailureCause Cause { get; } = cause;
}
