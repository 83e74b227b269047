namespace VisualAgent.Vision.Grounding;

/// <summary>What kind of element a target description names.</summary>
public enum TargetKind
{
    Any,
    Button,
    Field,
    Link,
    Checkbox,
}
