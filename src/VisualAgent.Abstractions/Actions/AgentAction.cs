using System.Text.Json.Serialization;
using VisualAgent.Geometry;

namespace VisualAgent.Actions;

/// <summary>
/// One action in the project's vocabulary (click, move, drag, long_press, scroll, type, key, select, wait, done,
/// answer), as `parse` prints it and steps.jsonl stores it. Coordinates are floating-point
/// screenshot pixels of the original image. Serialised with <see cref="ActionJson"/> as one JSON object whose
/// "action" field names the kind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(ClickAction), "click")]
[JsonDerivedType(typeof(MoveAction), "move")]
[JsonDerivedType(typeof(DragAction), "drag")]
[JsonDerivedType(typeof(LongPressAction), "long_press")]
[JsonDerivedType(typeof(ScrollAction), "scroll")]
[JsonDerivedType(typeof(TypeAction), "type")]
[JsonDerivedType(typeof(KeyAction), "key")]
[JsonDerivedType(typeof(SelectAction), "select")]
[JsonDerivedType(typeof(WaitAction), "wait")]
[JsonDerivedType(typeof(DoneAction), "done")]
[JsonDerivedType(typeof(AnswerAction), "answer")]
public abstract record AgentAction
{
    private static readonly Dictionary<Type, string> Names = typeof(AgentAction)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false)
        .Cast<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The action's name as in the contract ("click", "long_press", ...).</summary>
    [JsonIgnore]
    public string Name => Names[GetType()];

    /// <summary>The box the reply gave, [x1, y1, x2, y2]; x, y is then its centre.</summary>
    [JsonPropertyOrder(100)]
    public double[]? Box { get; init; }

    /// <summary>True when a coordinate was moved into the image.</summary>
    [JsonPropertyOrder(101)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Clamped { get; init; }

    /// <summary>The model's reasoning text, if any.</summary>
    [JsonPropertyOrder(102)]
    public string? Thought { get; init; }

    /// <summary>Further actions of the same reply, in order.</summary>
    [JsonPropertyOrder(103)]
    public IReadOnlyList<AgentAction>? Then { get; init; }

    /// <summary>The point this action targets, when it has one.</summary>
    [JsonIgnore]
    public ScreenPoint? Target => TargetPoint();

    [JsonIgnore]
    public ScreenBox? BoxValue => Box is { Length: 4 } b ? ScreenBox.FromCorners(b[0], b[1], b[2], b[3]) : null;

    /// <summary>The point this action targets; overridden by pointer actions.</summary>
    protected virtual ScreenPoint? TargetPoint() => null;
}
