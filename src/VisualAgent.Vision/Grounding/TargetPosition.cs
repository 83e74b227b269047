namespace VisualAgent.Vision.Grounding;

/// <summary>A position hint in a target description ("the Save button at the bottom").</summary>
public enum TargetPosition
{
    None,
    Top,
    Bottom,
    Left,
    Right,
}
