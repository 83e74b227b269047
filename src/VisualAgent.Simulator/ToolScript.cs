using System.Text.Json.Nodes;

namespace VisualAgent.Simulator;

/// <summary>
/// Scripted function calls the simulated model makes, one per request that offers tools, in order (a perfect planner
/// following a task's solution). A scripted name matches the offered tool of that name or ending in "_name"/"-name"
/// (Semantic Kernel names tools PLUGIN_FUNCTION). When the script is used up the model answers <see cref="FinalText"/>.
/// </summary>
internal sealed class ToolScript
{
    private readonly Lock _lock = new();
    private readonly Queue<(string Function, JsonObject Arguments)> _calls = new();

    public string FinalText { get; private set; } = "";

    public bool Active { get; private set; }

    public void Add(IEnumerable<(string Function, JsonObject Arguments)> calls, string finalText)
    {
        lock (_lock)
        {
            foreach (var call in calls)
            {
                _calls.Enqueue((call.Function, (JsonObject)call.Arguments.DeepClone()));
            }

            FinalText = finalText;
            Active = true;
        }
    }

    /// <summary>The reply text for a request offering <paramref name="tools"/>: the next call as a hermes tool_call block, or the final text.</summary>
    public string Next(IReadOnlyList<string> tools)
    {
        lock (_lock)
        {
            if (!_calls.TryDequeue(out var call))
            {
                return FinalText;
            }

            var name = tools.FirstOrDefault(t => t == call.Function)
                ?? tools.FirstOrDefault(t => t.EndsWith("_" + call.Function, StringComparison.Ordinal) || t.EndsWith("-" + call.Function, StringComparison.Ordinal));
            if (name is null)
            {
                return $"(simulated model: the script calls {call.Function}, which the request does not offer; offered: {string.Join(", ", tools)})";
            }

            var block = new JsonObject { ["name"] = name, ["arguments"] = call.Arguments.DeepClone() };
            return $"<tool_call>{block.ToJsonString()}</tool_call>";
        }
    }

    public static IReadOnlyList<string> OfferedTools(JsonObject fields) =>
        fields["tools"] is JsonArray tools
            ? [.. tools.Select(t => t?["function"]?["name"]?.GetValue<string>()).OfType<string>()]
            : [];
}
