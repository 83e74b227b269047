using VisualAgent.Actions;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>Reads "Thought: ...\nAction: call(...)" replies (UI-TARS-1.5 in resized pixels, UI-TARS v1 on the 0..1000 grid).</summary>
internal static class UiTarsReplyReader
{
    public static ParsedReply? Read(string text, string? thinking, ModelSpace space)
    {
        var (thought, actionText) = ReplyText.SplitThoughtAction(text);
        var calls = CallText.FindAll(actionText, UiTarsActionMapper.Known);
        if (calls.Count == 0)
        {
            return null;
        }

        var factory = new ActionFactory(space);
        var actions = new List<AgentAction>(calls.Count);
        foreach (var call in calls)
        {
            actions.Add(UiTarsActionMapper.Map(call, factory));
        }

        var allThought = string.IsNullOrWhiteSpace(thinking) ? thought : string.IsNullOrWhiteSpace(thought) ? thinking : thinking + "\n" + thought;
        return new ParsedReply { Action = ActionFactory.Chain(actions, allThought), Thought = allThought };
    }
}
