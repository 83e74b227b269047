namespace VisualAgent.Bench.Datasets;

/// <summary>The values of <see cref="GroundingSample.LabelKind"/>.</summary>
internal static class LabelKinds
{
    /// <summary>The instruction quotes text drawn inside the target's box (button and link text, a checkbox with its label).</summary>
    public const string TextLabelled = "text-labelled";

    /// <summary>The instruction names the field by a label drawn beside it ("the Username field").</summary>
    public const string FieldLabel = "field-label";

    /// <summary>Anything else: placeholder or aria-label only, no visible text, or a sample without a label kind.</summary>
    public const string Other = "other";
}
