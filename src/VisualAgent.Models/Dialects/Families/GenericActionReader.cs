using VisualAgent.Actions;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// Reads GPT-4o-style JSON actions: {"action": "click", "x": .., "y": ..} (the contract's own shape, with "then"),
/// {"name": .., "arguments": ..} tool calls, coordinate/box arrays, and bare [x, y] lists. Other action names go through
/// the Qwen computer_use mapping.
/// </summary>
internal sealed class GenericActionReader(ActionFactory factory, ReplyContext context)
{
    private readonly List<AgentAction> _actions = [];

    /// <summary>The first "thought" field met, if any.</summary>
    public string? Thought { get; private set; }

    public List<AgentAction> Read(IEnumerable<LooseNode> nodes)
    {
        foreach (var node in nodes)
        {
            Take(node);
        }

        return _actions;
    }

    private void Take(LooseNode node)
    {
        switch (node)
        {
            case LooseObject o when o.Get("function") is LooseObject f:
                Take(f);
                break;
            case LooseObject o when o.Get("actions") is LooseArray list:
                Take(list);
                break;
            case LooseObject o when o.Has("name") && o.GetAny("arguments", "parameters") is { } args:
                var obj = args as LooseObject ?? (args is LooseString s && s.Value.IndexOf('{', StringComparison.Ordinal) is var at and >= 0
                    && LooseJsonReader.TryRead(s.Value, at, out var parsed, out _) ? parsed as LooseObject : null);
                if (obj is not null)
                {
                    Add(o.Text("name") ?? "", obj);
                }

                break;
            case LooseObject o when o.Text("action", "type") is { } action:
                Add(action, o);
                break;
            case LooseObject o when (o.Has("x") && o.Has("y")) || o.GetAny("box", "bbox", "coordinate", "point") is not null:
                Add("click", o);
                break;
            case LooseArray a when a.Items.All(i => i is LooseNumber) && a.Items.Count is 2 or 4:
                _actions.Add(ActionFactory.Click(factory.Locate(Numbers.From(a), "The coordinate list")));
                break;
            case LooseArray a:
                foreach (var item in a.Items.Where(i => i.Complete))
                {
                    Take(item);
                }

                break;
        }
    }

    private void Add(string action, LooseObject o)
    {
        Thought ??= o.Text("thought");
        _actions.Add(Map(action.Trim().ToLowerInvariant(), o));
        if (o.Get("then") is LooseArray then)
        {
            Take(then);
        }
    }

    private AgentAction Map(string action, LooseObject o) => action switch
    {
        "click" or "left_click" or "tap" => ActionFactory.Click(At(o), Button(o.Text("button")), Count(o.Number("count", "clicks"))),
        "double_click" => ActionFactory.Click(At(o), count: 2),
        "right_click" => ActionFactory.Click(At(o), MouseButton.Right),
        "move" or "hover" or "mouse_move" => new MoveAction(At(o).Point.X, At(o).Point.Y) { Clamped = At(o).Clamped },
        "drag" when o.Has("x2") || o.Has("end") => Drag(o),
        "long_press" => new LongPressAction(At(o).Point.X, At(o).Point.Y, ActionFactory.Seconds(o.Number("seconds", "time"), 1)) { Clamped = At(o).Clamped },
        "scroll" when o.Has("dx") || o.Has("dy") => Scroll(o),
        "type" when o.Has("submit") => new TypeAction(o.Text("text") ?? "", o.Bool("submit") ?? false),
        "key" when o.Get("keys") is LooseArray keys => new KeyAction(keys.Items.OfType<LooseString>().Select(k => KeyNames.Normalize(k.Value)).ToArray()),
        "select" when o.Has("option") => new SelectAction(At(o).Point.X, At(o).Point.Y, o.Text("option") ?? "") { Clamped = At(o).Clamped },
        "wait" when o.Has("seconds") => new WaitAction(ActionFactory.Seconds(o.Number("seconds"), 1)),
        "done" => new DoneAction(
            string.Equals(o.Text("status"), "failure", StringComparison.OrdinalIgnoreCase) ? DoneStatus.Failure : DoneStatus.Success,
            o.Text("answer")),
        _ => QwenActionMapper.Map(action, o, factory, context, _actions),
    };

    private Located At(LooseObject o)
    {
        if (o.GetAny("box", "bbox", "bbox_2d") is { } box && Numbers.From(box) is { Length: 4 } corners)
        {
            return factory.Locate(corners, "The box");
        }

        if (o.Number("x") is { } x && o.Number("y") is { } y)
        {
            return factory.Locate([x, y], "x, y");
        }

        return factory.Locate(Numbers.From(o.GetAny("coordinate", "point", "position", "coordinates")), "The coordinate");
    }

    private AgentAction Drag(LooseObject o)
    {
        var from = At(o);
        var to = o.Number("x2") is { } x2 && o.Number("y2") is { } y2
            ? factory.Locate([x2, y2], "x2, y2")
            : factory.Locate(Numbers.From(o.Get("end")), "The drag end");
        return ActionFactory.Drag(from, to);
    }

    private AgentAction Scroll(LooseObject o)
    {
        Located? at = o.Has("x") && o.Has("y") ? At(o) : null;
        var dx = Finite(o.Number("dx"));
        var dy = Finite(o.Number("dy"));
        return new ScrollAction(at?.Point.X, at?.Point.Y, dx, dy) { Clamped = at?.Clamped ?? false };
    }

    private static double Finite(double? v) => v is { } d && !double.IsNaN(d) ? Math.Clamp(d, -1e6, 1e6) : 0;

    private static MouseButton Button(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "right" => MouseButton.Right,
        "middle" => MouseButton.Middle,
        _ => MouseButton.Left,
    };

    private static int Count(double? count) => count is { } c && c >= 1 && c <= 3 ? (int)c : 1;
}
