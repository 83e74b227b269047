using System.Globalization;
using System.Text;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>Writes answers in the UI-TARS grammar: "Thought: ...\nAction: click(start_box='&lt;|box_start|&gt;(x,y)&lt;|box_end|&gt;')".</summary>
internal static class UiTarsReplyWriter
{
    public static string Write(ParsedReply answer, ModelSpace space)
    {
        var actions = ActionFactory.Flatten(answer.Action);
        if (actions.Count == 0)
        {
            return answer.Text ?? "";
        }

        var sb = new StringBuilder();
        var thought = answer.Thought ?? answer.Action?.Thought;
        if (!string.IsNullOrWhiteSpace(thought))
        {
            sb.Append("Thought: ").Append(thought.Trim()).Append('\n');
        }

        sb.Append("Action: ").AppendJoin("\n\n", actions.Select(a => Call(a, space)));
        return sb.ToString();
    }

    private static string Call(AgentAction action, ModelSpace space) => action switch
    {
        ClickAction { Button: MouseButton.Right } c => $"right_single(start_box='{At(space, c.X, c.Y, c.BoxValue)}')",
        ClickAction { Count: 2 } c => $"left_double(start_box='{At(space, c.X, c.Y, c.BoxValue)}')",
        ClickAction { Count: >= 3 } c => $"triple_click(start_box='{At(space, c.X, c.Y, c.BoxValue)}')",
        ClickAction { Button: MouseButton.Middle } c => $"middle_click(start_box='{At(space, c.X, c.Y, c.BoxValue)}')",
        ClickAction c => $"click(start_box='{At(space, c.X, c.Y, c.BoxValue)}')",
        MoveAction m => $"hover(start_box='{At(space, m.X, m.Y, null)}')",
        DragAction d => $"drag(start_box='{At(space, d.X, d.Y, null)}', end_box='{At(space, d.X2, d.Y2, null)}')",
        LongPressAction l => $"long_press(start_box='{At(space, l.X, l.Y, null)}')",
        ScrollAction s => Scroll(s, space),
        TypeAction t => $"type(content='{Escape(t.Submit ? t.Text + "\n" : t.Text)}')",
        KeyAction k => $"hotkey(key='{string.Join(' ', k.Keys)}')",
        SelectAction sel => $"select(start_box='{At(space, sel.X, sel.Y, null)}', option='{Escape(sel.Option)}')",
        WaitAction => "wait()",
        DoneAction { Status: DoneStatus.Failure } d => $"call_user(content='{Escape(d.Answer ?? "")}')",
        DoneAction d => $"finished(content='{Escape(d.Answer ?? "")}')",
        AnswerAction a => $"finished(content='{Escape(a.Text)}')",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action type."),
    };

    private static string Scroll(ScrollAction s, ModelSpace space)
    {
        var direction = Math.Abs(s.Dy) >= Math.Abs(s.Dx) ? (s.Dy < 0 ? "up" : "down") : (s.Dx < 0 ? "left" : "right");
        return s.Target is { } p
            ? $"scroll(start_box='{At(space, p.X, p.Y, null)}', direction='{direction}')"
            : $"scroll(direction='{direction}')";
    }

    private static string At(ModelSpace space, double x, double y, ScreenBox? box)
    {
        if (box is { } b)
        {
            var (x1, y1) = space.FromScreen(new(b.X1, b.Y1));
            var (x2, y2) = space.FromScreen(new(b.X2, b.Y2));
            return string.Create(CultureInfo.InvariantCulture, $"<|box_start|>({R(x1)},{R(y1)},{R(x2)},{R(y2)})<|box_end|>");
        }

        var (mx, my) = space.FromScreen(new(x, y));
        return string.Create(CultureInfo.InvariantCulture, $"<|box_start|>({R(mx)},{R(my)})<|box_end|>");
    }

    private static long R(double v) => (long)Math.Round(v, MidpointRounding.AwayFromZero);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
