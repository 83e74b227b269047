using VisualAgent.Actions;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// Maps one Qwen computer_use / mobile_use action (the tool calls of the Qwen-VL cookbooks) to the contract. Scroll "pixels" are positive
/// up (pyautogui), so dy = -pixels; hscroll pixels are positive right, so dx = pixels.
/// </summary>
internal static class QwenActionMapper
{
    public static AgentAction Map(string action, LooseObject args, ActionFactory f, ReplyContext context, List<AgentAction> earlier)
    {
        var name = action.Trim().ToLowerInvariant();
        return name switch
        {
            "left_click" or "click" or "tap" or "left_single" => ActionFactory.Click(At(args, f, name)),
            "right_click" => ActionFactory.Click(At(args, f, name), MouseButton.Right),
            "middle_click" => ActionFactory.Click(At(args, f, name), MouseButton.Middle),
            "double_click" or "left_double" => ActionFactory.Click(At(args, f, name), count: 2),
            "triple_click" => ActionFactory.Click(At(args, f, name), count: 3),
            "mouse_move" or "move" or "hover" => Move(At(args, f, name)),
            "left_click_drag" or "drag" => Drag(args, f, context, earlier),
            "swipe" => ActionFactory.Drag(At(args, f, name), f.Locate(Numbers.From(args.GetAny("coordinate2", "end_coordinate")), "swipe's coordinate2")),
            "long_press" => LongPress(At(args, f, name), ActionFactory.Seconds(args.Number("time", "seconds", "duration"), 1)),
            "scroll" => Scroll(args, f, vertical: true),
            "hscroll" => Scroll(args, f, vertical: false),
            "type" or "input" or "write" => Type(args.Text("text", "content", "value") ?? throw Missing(name, "text")),
            "key" or "hotkey" or "press" or "keys" => Key(args, name),
            "system_button" => new KeyAction([KeyNames.Normalize(args.Text("button", "key") ?? throw Missing(name, "button"))]),
            "wait" or "sleep" => new WaitAction(ActionFactory.Seconds(args.Number("time", "seconds", "duration"), 1)),
            "terminate" or "end" or "finished" or "done" or "finish" => Done(args),
            "answer" => new AnswerAction(args.Text("text", "answer", "content") ?? throw Missing(name, "text")),
            "interact" => new DoneAction(DoneStatus.Failure, args.Text("text")),
            "select" => Select(At(args, f, name), args.Text("option", "text", "value") ?? throw Missing(name, "option")),
            "screenshot" => new WaitAction(0),
            "open" => throw new ReplyFormatException(
                "The 'open' action (launch an app by name) has no equivalent in this agent's actions; ask for a click or key instead."),
            _ => throw new ReplyFormatException($"Unknown action '{action}'."),
        };
    }

    private static Located At(LooseObject args, ActionFactory f, string action)
    {
        var node = args.GetAny("coordinate", "coordinates", "point", "position", "start_box", "box", "bbox");
        var values = Numbers.From(node);
        if (values is null && args.Number("x") is { } x && args.Number("y") is { } y)
        {
            values = [x, y];
        }

        return f.Locate(values, $"{action}'s coordinate");
    }

    private static AgentAction Move(Located at) => new MoveAction(at.Point.X, at.Point.Y) { Clamped = at.Clamped };

    private static AgentAction LongPress(Located at, double seconds) =>
        new LongPressAction(at.Point.X, at.Point.Y, seconds) { Clamped = at.Clamped };

    private static AgentAction Select(Located at, string option) =>
        new SelectAction(at.Point.X, at.Point.Y, option) { Clamped = at.Clamped };

    /// <summary>
    /// left_click_drag drags from the pointer to "coordinate". The start comes from start_coordinate, or (with
    /// coordinate2) from coordinate, or from a mouse_move just before it in the same reply (merged into the drag), or
    /// from the pointer position the caller knows.
    /// </summary>
    private static AgentAction Drag(LooseObject args, ActionFactory f, ReplyContext context, List<AgentAction> earlier)
    {
        if (args.Has("coordinate2"))
        {
            return ActionFactory.Drag(At(args, f, "drag"), f.Locate(Numbers.From(args.Get("coordinate2")), "drag's coordinate2"));
        }

        var end = f.Locate(Numbers.From(args.GetAny("coordinate", "end_coordinate")), "left_click_drag's coordinate");
        if (args.Has("start_coordinate"))
        {
            return ActionFactory.Drag(f.Locate(Numbers.From(args.Get("start_coordinate")), "left_click_drag's start_coordinate"), end);
        }

        if (earlier.Count > 0 && earlier[^1] is MoveAction move)
        {
            earlier.RemoveAt(earlier.Count - 1);
            return ActionFactory.Drag(new Located(new(move.X, move.Y), null, move.Clamped), end);
        }

        if (context.Pointer is { } pointer)
        {
            var start = pointer.ClampTo(f.Space.Original, out var clamped);
            return ActionFactory.Drag(new Located(start, null, clamped), end);
        }

        throw new ReplyFormatException(
            "left_click_drag gives only its end point and the pointer position is unknown (no mouse_move before it).");
    }

    private static AgentAction Scroll(LooseObject args, ActionFactory f, bool vertical)
    {
        Located? at = args.GetAny("coordinate", "point", "position") is { } node ? f.Locate(Numbers.From(node), "scroll's coordinate") : null;
        var pixels = args.Number("pixels", "amount", "clicks", "scroll_amount");
        if (pixels is null && args.Text("direction", "scroll_direction") is { } direction)
        {
            return UiTarsActionMapper.ScrollToward(direction, at?.Point, at?.Clamped ?? false);
        }

        var amount = pixels is { } p && !double.IsNaN(p) ? Math.Clamp(p, -1e6, 1e6) : throw Missing(vertical ? "scroll" : "hscroll", "pixels");
        var dx = vertical ? 0 : amount;
        var dy = vertical ? -amount : 0;
        return new ScrollAction(at?.Point.X, at?.Point.Y, dx, dy) { Clamped = at?.Clamped ?? false };
    }

    private static AgentAction Key(LooseObject args, string name)
    {
        var node = args.GetAny("keys", "key", "text") ?? throw Missing(name, "keys");
        IReadOnlyList<string> keys = node switch
        {
            LooseArray a => a.Items.OfType<LooseString>().Select(s => KeyNames.Normalize(s.Value)).Where(k => k.Length > 0).ToArray(),
            LooseString s => KeyNames.SplitChord(s.Value),
            _ => [],
        };
        return keys.Count == 0 ? throw Missing(name, "keys") : new KeyAction(keys);
    }

    internal static AgentAction Type(string text)
    {
        if (text.EndsWith('\n'))
        {
            return new TypeAction(text.TrimEnd('\n'), Submit: true);
        }

        return text.EndsWith("\\n", StringComparison.Ordinal) ? new TypeAction(text[..^2], Submit: true) : new TypeAction(text);
    }

    private static AgentAction Done(LooseObject args)
    {
        var status = args.Text("status");
        var failed = status is not null && status.Trim().Equals("failure", StringComparison.OrdinalIgnoreCase);
        return new DoneAction(failed ? DoneStatus.Failure : DoneStatus.Success, args.Text("answer", "text", "content"));
    }

    private static ReplyFormatException Missing(string action, string argument) =>
        new($"The '{action}' action has no \"{argument}\" argument.");
}
