using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects.Parsing;

namespace VisualAgent.Models.Dialects.Families;

/// <summary>
/// Reads Qwen-VL replies (Qwen3-VL and Qwen2.5-VL share the grammar, not the space): Hermes &lt;tool_call&gt; blocks
/// with computer_use / mobile_use arguments, structured tool calls passed as {"name", "arguments"} JSON (arguments as an
/// object or a JSON string), bare argument objects, and grounding JSON (bbox_2d / point_2d, text_content spotting).
/// </summary>
internal sealed class QwenReplyReader
{
    private static readonly string[] Markers = ["<tool_call>", "bbox_2d", "point_2d", "\"action\"", "'action'", "\"coordinate\"", "```json", "\"name\""];

    private readonly ActionFactory _factory;
    private readonly ReplyContext _context;
    private readonly List<AgentAction> _actions = [];
    private readonly List<TextSpot> _spots = [];

    private QwenReplyReader(ModelSpace space, ReplyContext context)
    {
        _factory = new ActionFactory(space);
        _context = context;
    }

    public static IReadOnlyList<string> StructuredMarkers => Markers;

    public static (List<AgentAction> Actions, List<TextSpot> Spots, string? Thought) Read(
        string text, string? thinking, ModelSpace space, ReplyContext context)
    {
        var reader = new QwenReplyReader(space, context);
        var blocks = ReplyText.ToolCallBlocks(text, out var rest);
        string? thought;
        if (blocks.Count > 0)
        {
            foreach (var block in blocks)
            {
                foreach (var node in LooseJsonReader.FindAll(block))
                {
                    reader.Take(node, topLevel: true);
                }
            }

            thought = Prose(rest);
        }
        else
        {
            var split = ReplyText.SplitThoughtAction(rest);
            thought = split.Thought;
            foreach (var node in LooseJsonReader.FindAll(ReplyText.StripFences(rest)))
            {
                reader.Take(node, topLevel: true);
            }
        }

        thought = string.IsNullOrWhiteSpace(thinking) ? thought : string.IsNullOrWhiteSpace(thought) ? thinking : thinking + "\n" + thought;
        return (reader._actions, reader._spots, string.IsNullOrWhiteSpace(thought) ? null : thought.Trim());
    }

    /// <summary>Text outside the tool calls, with "Thought:" / "Action:" labels removed.</summary>
    private static string? Prose(string rest)
    {
        var lines = rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => StripLabel(l, "Thought:"))
            .Select(l => StripLabel(l, "Action:"))
            .Where(l => l.Length > 0);
        var prose = string.Join("\n", lines);
        return prose.Length == 0 ? null : prose;
    }

    private static string StripLabel(string line, string label) =>
        line.StartsWith(label, StringComparison.OrdinalIgnoreCase) ? line[label.Length..].Trim() : line;

    private void Take(LooseNode node, bool topLevel)
    {
        switch (node)
        {
            case LooseObject o when o.Get("function") is LooseObject f:
                Take(f, topLevel);
                break;
            case LooseObject o when o.Get("tool_calls") is LooseArray calls:
                foreach (var call in calls.Items)
                {
                    Take(call, topLevel: false);
                }

                break;
            case LooseObject o when o.Has("name") && o.GetAny("arguments", "parameters", "args") is { } args:
                ToolCall(o.Text("name") ?? "", args);
                break;
            case LooseObject o when o.Text("action") is { } action:
                AddAction(action, o);
                break;
            case LooseObject o when o.GetAny("bbox_2d", "point_2d", "bbox", "box", "point") is { } at:
                if (o.Complete || topLevel)
                {
                    Ground(o, at);
                }

                break;
            case LooseArray a when Numbers.From(a) is { Length: 2 or 4 } values && a.Items.All(i => i is LooseNumber):
                _actions.Add(ActionFactory.Click(_factory.Locate(values, "The coordinate list")));
                break;
            case LooseArray a:
                foreach (var item in a.Items.Where(i => i.Complete))
                {
                    Take(item, topLevel: false);
                }

                break;
        }
    }

    private void ToolCall(string name, LooseNode args)
    {
        var arguments = args switch
        {
            LooseObject o => o,
            LooseString s => ParseArgumentString(s.Value),
            _ => null,
        } ?? throw new ReplyFormatException($"The tool call '{name}' has no readable arguments object.");
        var tool = name.Trim().ToLowerInvariant();
        var action = tool is "computer_use" or "mobile_use" or "computer" or "mobile" or "gui"
            ? arguments.Text("action") ?? throw new ReplyFormatException($"The {tool} call has no \"action\" argument.")
            : tool;
        AddAction(action, arguments);
    }

    private static LooseObject? ParseArgumentString(string json)
    {
        var start = json.IndexOf('{', StringComparison.Ordinal);
        return start >= 0 && LooseJsonReader.TryRead(json, start, out var node, out _) ? node as LooseObject : null;
    }

    private void Ground(LooseObject item, LooseNode at)
    {
        var located = _factory.Locate(Numbers.From(at), "The grounding coordinate");
        _actions.Add(ActionFactory.Click(located));
        if (item.Text("text_content", "text") is { } text)
        {
            _spots.Add(new TextSpot(text, located.Box ?? new ScreenBox(located.Point.X, located.Point.Y, located.Point.X, located.Point.Y)));
        }
    }

    private void AddAction(string action, LooseObject args) =>
        _actions.Add(QwenActionMapper.Map(action, args, _factory, _context, _actions));
}
