using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>Writes answers in the Qwen-VL grammar: grounding JSON in a ```json fence, or Hermes &lt;tool_call&gt; blocks.</summary>
internal static class QwenReplyWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ParsedReply answer, ModelSpace space)
    {
        var actions = ActionFactory.Flatten(answer.Action);
        if (answer.Spots is { Count: > 0 } spots)
        {
            var items = new JsonArray([.. spots.Select(s => new JsonObject
            {
                ["bbox_2d"] = Box(space, s.Box),
                ["text_content"] = s.Text,
            })]);
            return Fence(items);
        }

        if (actions.Count == 0)
        {
            return answer.Text ?? "";
        }

        var grounding = answer.Task is ModelTaskKind.Ground
            || (answer.Task is null && actions.Count == 1 && actions[0] is ClickAction { Box: not null, Count: 1, Button: MouseButton.Left });
        if (grounding && actions.All(a => a is ClickAction))
        {
            var items = new JsonArray([.. actions.Cast<ClickAction>().Select(c => c.BoxValue is { } box
                ? new JsonObject { ["bbox_2d"] = Box(space, box), ["label"] = "target" }
                : new JsonObject { ["point_2d"] = Point(space, new ScreenPoint(c.X, c.Y)), ["label"] = "target" })]);
            return Fence(items);
        }

        var sb = new StringBuilder();
        var thought = answer.Thought ?? answer.Action?.Thought;
        if (!string.IsNullOrWhiteSpace(thought))
        {
            sb.Append("Thought: ").Append(thought.Trim()).Append('\n');
        }

        foreach (var action in actions)
        {
            foreach (var call in Calls(action, space))
            {
                sb.Append("<tool_call>\n").Append(call.ToJsonString(Json)).Append("\n</tool_call>\n");
            }
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static IEnumerable<JsonObject> Calls(AgentAction action, ModelSpace space)
    {
        switch (action)
        {
            case ClickAction c:
                var name = (c.Button, c.Count) switch
                {
                    (MouseButton.Right, _) => "right_click",
                    (MouseButton.Middle, _) => "middle_click",
                    (_, 2) => "double_click",
                    (_, >= 3) => "triple_click",
                    _ => "left_click",
                };
                yield return Call(name, ("coordinate", Point(space, new(c.X, c.Y))));
                break;
            case MoveAction m:
                yield return Call("mouse_move", ("coordinate", Point(space, new(m.X, m.Y))));
                break;
            case DragAction d:
                yield return Call("mouse_move", ("coordinate", Point(space, new(d.X, d.Y))));
                yield return Call("left_click_drag", ("coordinate", Point(space, new(d.X2, d.Y2))));
                break;
            case LongPressAction l:
                yield return Call("long_press", ("coordinate", Point(space, new(l.X, l.Y))), ("time", l.Seconds), tool: "mobile_use");
                break;
            case ScrollAction s:
                var at = s.Target is { } p ? Point(space, p) : null;
                if (s.Dy != 0 || s.Dx == 0)
                {
                    yield return Call("scroll", ("pixels", Math.Round(-s.Dy)), ("coordinate", at));
                }

                if (s.Dx != 0)
                {
                    yield return Call("hscroll", ("pixels", Math.Round(s.Dx)), ("coordinate", at?.DeepClone()));
                }

                break;
            case TypeAction t:
                yield return Call("type", ("text", t.Submit ? t.Text + "\n" : t.Text));
                break;
            case KeyAction k:
                yield return Call("key", ("keys", new JsonArray([.. k.Keys.Select(x => (JsonNode)x)])));
                break;
            case SelectAction sel:
                yield return Call("select", ("coordinate", Point(space, new(sel.X, sel.Y))), ("text", sel.Option));
                break;
            case WaitAction w:
                yield return Call("wait", ("time", w.Seconds));
                break;
            case DoneAction d:
                if (d.Answer is { } text)
                {
                    yield return Call("answer", ("text", text));
                }

                yield return Call("terminate", ("status", d.Status == DoneStatus.Failure ? "failure" : "success"));
                break;
            case AnswerAction a:
                yield return Call("answer", ("text", a.Text));
                break;
        }
    }

    private static JsonObject Call(string action, params (string Key, JsonNode? Value)[] args) => Call(action, args, "computer_use");

    private static JsonObject Call(string action, (string Key, JsonNode? Value) a, (string Key, JsonNode? Value) b, string tool) =>
        Call(action, [a, b], tool);

    private static JsonObject Call(string action, (string Key, JsonNode? Value)[] args, string tool)
    {
        var arguments = new JsonObject { ["action"] = action };
        foreach (var (key, value) in args)
        {
            if (value is not null)
            {
                arguments[key] = value;
            }
        }

        return new JsonObject { ["name"] = tool, ["arguments"] = arguments };
    }

    private static JsonArray Point(ModelSpace space, ScreenPoint p)
    {
        var (x, y) = space.FromScreen(p);
        return [Round(x), Round(y)];
    }

    private static JsonArray Box(ModelSpace space, ScreenBox box)
    {
        var (x1, y1) = space.FromScreen(new(box.X1, box.Y1));
        var (x2, y2) = space.FromScreen(new(box.X2, box.Y2));
        return [Round(x1), Round(y1), Round(x2), Round(y2)];
    }

    private static long Round(double v) => (long)Math.Round(v, MidpointRounding.AwayFromZero);

    private static string Fence(JsonArray items) =>
        string.Create(CultureInfo.InvariantCulture, $"```json\n{items.ToJsonString(Json)}\n```");
}
