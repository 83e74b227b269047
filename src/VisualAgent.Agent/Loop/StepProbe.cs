using VisualAgent.Drivers;

namespace VisualAgent.Agent;

/// <summary>
/// What a step's check compares against, taken before the action: the activity counters, the element the action is
/// aimed at (with its states), and what the step expects of it afterwards.
/// </summary>
internal sealed class StepProbe
{
    public ActivityMark? Mark { get; set; }

    /// <summary>The screen just before the action, when grounding scrolled or changed it (pixel change is measured from here).</summary>
    public Screenshot? Before { get; set; }

    /// <summary>The element aimed at, as it was before the action (null for pixels-only drivers or steps with no target).</summary>
    public UiElement? Element { get; set; }

    /// <summary>The value a type step expects to read back (real text, may be a secret: never recorded).</summary>
    public string? ExpectValue { get; set; }

    /// <summary>The same value as it may be recorded (secrets masked).</summary>
    public string? ExpectShown { get; set; }

    /// <summary>The typed text is added to what the field held (typing into the focused field): its value must end with it.</summary>
    public bool ExpectSuffix { get; set; }

    /// <summary>The combo box a choice was picked from (its shown value must become the choice).</summary>
    public UiElement? Widget { get; set; }

    /// <summary>The choice picked from <see cref="Widget"/>.</summary>
    public string? Choice { get; set; }

    /// <summary>The checked state a check/uncheck step expects.</summary>
    public bool? ExpectChecked { get; set; }

    /// <summary>The option a select step expects to be selected.</summary>
    public string? ExpectOption { get; set; }

    /// <summary>The step needed a person's yes, or its target submits a form: never repeated automatically.</summary>
    public bool NoRepeat { get; set; }

    /// <summary>The state was already as asked; nothing was done.</summary>
    public bool AlreadyDone { get; set; }

    /// <summary>The check was decided while acting (verify, wait for text, open); no read-back needed.</summary>
    public VisualAgent.Runs.StepCheck? Decided { get; set; }
}
