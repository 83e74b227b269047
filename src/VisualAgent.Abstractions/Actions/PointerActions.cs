using System.Text.Json.Serialization;
using VisualAgent.Geometry;

namespace VisualAgent.Actions;

/// <summary>Mouse buttons as the contract names them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MouseButton>))]
public enum MouseButton
{
    [JsonStringEnumMemberName("left")] Left,
    [JsonStringEnumMemberName("right")] Right,
    [JsonStringEnumMemberName("middle")] Middle,
}

/// <summary>click {x, y, button, count}: count 2 is a double click, 3 a triple click.</summary>
public sealed record ClickAction(double X, double Y, MouseButton Button = MouseButton.Left, int Count = 1) : AgentAction
{
    protected override ScreenPoint? TargetPoint() => new ScreenPoint(X, Y);
}

/// <summary>move {x, y}: the pointer moves (hover).</summary>
public sealed record MoveAction(double X, double Y) : AgentAction
{
    protected override ScreenPoint? TargetPoint() => new ScreenPoint(X, Y);
}

/// <summary>drag {x, y, x2, y2}: press at (x, y), move to (x2, y2), release.</summary>
public sealed record DragAction(double X, double Y, double X2, double Y2) : AgentAction
{
    protected override ScreenPoint? TargetPoint() => new ScreenPoint(X, Y);
}

/// <summary>long_press {x, y, seconds}.</summary>
public sealed record LongPressAction(double X, double Y, double Seconds = 1) : AgentAction
{
    protected override ScreenPoint? TargetPoint() => new ScreenPoint(X, Y);
}

/// <summary>
/// scroll {x?, y?, dx, dy}: wheel pixels as in Playwright's Mouse.WheelAsync; positive dy scrolls down.
/// Without x, y the wheel turns wherever the pointer is (the centre of the screen by default).
/// </summary>
public sealed record ScrollAction(double? X, double? Y, double Dx, double Dy) : AgentAction
{
    protected override ScreenPoint? TargetPoint() => X is { } x && Y is { } y ? new ScreenPoint(x, y) : null;
}

/// <summary>select {x, y, option}: choose an option of the select element at (x, y).</summary>
public sealed record SelectAction(double X, double Y, string Option) : AgentAction
{
    protected override ScreenPoint? TargetPoint() => new ScreenPoint(X, Y);
}
