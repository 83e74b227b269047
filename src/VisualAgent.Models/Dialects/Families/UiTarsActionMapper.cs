using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>Maps UI-TARS calls (click, left_double, right_single, drag, hotkey, type, scroll, wait, finished, ...) to the contract.</summary>
internal static class UiTarsActionMapper
{
    /// <summary>Wheel pixels of one notch (Chromium and X11 scroll 100 px per notch).</summary>
    public const double WheelNotchPixels = 100;

    /// <summary>A direction-only scroll (UI-TARS scroll(direction=...)) turns the wheel this many notches.</summary>
    public const int DirectionScrollNotches = 5;

    /// <summary>The wheel pixels of a direction-only scroll: 5 notches = 500 px.</summary>
    public const double DirectionScrollPixels = WheelNotchPixels * DirectionScrollNotches;

    /// <summary>UI-TARS wait(): "Sleep for 5s and take a screenshot".</summary>
    public const double WaitSeconds = 5;

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "click", "left_single", "left_click", "tap", "left_double", "double_click", "right_single", "right_click",
        "middle_click", "triple_click", "hover", "mouse_move", "drag", "select", "swipe", "hotkey", "press", "keydown",
        "keyup", "type", "scroll", "wait", "finished", "call_user", "long_press", "press_home", "press_back", "open_app",
    };

    public static AgentAction Map(CallText call, ActionFactory f) => call.Name switch
    {
        "click" or "left_single" or "left_click" or "tap" => ActionFactory.Click(Start(call, f)),
        "left_double" or "double_click" => ActionFactory.Click(Start(call, f), count: 2),
        "right_single" or "right_click" => ActionFactory.Click(Start(call, f), MouseButton.Right),
        "middle_click" => ActionFactory.Click(Start(call, f), MouseButton.Middle),
        "triple_click" => ActionFactory.Click(Start(call, f), count: 3),
        "hover" or "mouse_move" => Move(Start(call, f)),
        "select" when call.Arg("option", "content", "value") is { } option => Select(Start(call, f), option),
        "drag" or "select" or "swipe" => ActionFactory.Drag(Start(call, f), End(call, f)),
        "hotkey" or "press" or "keydown" or "keyup" => Key(call),
        "type" => QwenActionMapper.Type(call.Arg("content", "text") ?? call.Positional(0) ?? throw Missing(call, "content")),
        "scroll" => Scroll(call, f),
        "wait" => new WaitAction(WaitSeconds),
        "finished" => new DoneAction(DoneStatus.Success, NonEmpty(call.Arg("content", "answer") ?? call.Positional(0))),
        "call_user" => new DoneAction(DoneStatus.Failure, NonEmpty(call.Arg("content"))),
        "long_press" => LongPress(Start(call, f)),
        "press_home" => new KeyAction(["home"]),
        "press_back" => new KeyAction(["back"]),
        "open_app" => throw new ReplyFormatException(
            "open_app (launch an app by name) has no equivalent in this agent's actions; ask for a click or key instead."),
        _ => throw new ReplyFormatException($"Unknown action '{call.Name}'."),
    };

    /// <summary>A direction-only scroll: <see cref="DirectionScrollPixels"/> in that direction (down = positive dy).</summary>
    public static AgentAction ScrollToward(string direction, ScreenPoint? at, bool clamped)
    {
        var (dx, dy) = direction.Trim().ToLowerInvariant() switch
        {
            "down" => (0.0, DirectionScrollPixels),
            "up" => (0.0, -DirectionScrollPixels),
            "left" => (-DirectionScrollPixels, 0.0),
            "right" => (DirectionScrollPixels, 0.0),
            _ => throw new ReplyFormatException($"Unknown scroll direction '{direction}': expected up, down, left or right."),
        };
        return new ScrollAction(at?.X, at?.Y, dx, dy) { Clamped = clamped };
    }

    private static Located Start(CallText call, ActionFactory f) =>
        f.Locate(Coordinates(call.Arg("start_box", "point", "start_point", "box", "coordinate", "position") ?? call.Positional(0)), $"{call.Name}'s start_box");

    private static Located End(CallText call, ActionFactory f) =>
        f.Locate(Coordinates(call.Arg("end_box", "end_point") ?? call.Positional(1)), $"{call.Name}'s end_box");

    private static double[]? Coordinates(string? value) => value is null ? null : Numbers.InText(value, max: 8) is { Count: > 0 } n ? [.. n] : null;

    private static AgentAction Move(Located at) => new MoveAction(at.Point.X, at.Point.Y) { Clamped = at.Clamped };

    private static AgentAction LongPress(Located at) => new LongPressAction(at.Point.X, at.Point.Y) { Clamped = at.Clamped };

    private static AgentAction Select(Located at, string option) => new SelectAction(at.Point.X, at.Point.Y, option) { Clamped = at.Clamped };

    private static AgentAction Key(CallText call)
    {
        var chord = call.Arg("key", "hotkey", "keys") ?? call.Positional(0) ?? throw Missing(call, "key");
        var keys = KeyNames.SplitChord(chord);
        return keys.Count == 0 ? throw Missing(call, "key") : new KeyAction(keys);
    }

    private static AgentAction Scroll(CallText call, ActionFactory f)
    {
        var where = call.Arg("start_box", "point", "start_point", "box", "coordinate");
        Located? at = where is null ? null : f.Locate(Coordinates(where), "scroll's start_box");
        return ScrollToward(call.Arg("direction") ?? "down", at?.Point, at?.Clamped ?? false);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static ReplyFormatException Missing(CallText call, string argument) =>
        new($"The '{call.Name}' action has no {argument} argument.");
}
