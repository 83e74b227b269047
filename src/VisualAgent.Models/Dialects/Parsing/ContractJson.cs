using System.Text.Json.Nodes;
using VisualAgent.Actions;

namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>
/// <see cref="ActionJson.Serialize"/> without the computed "name" and "target" members: System.Text.Json does not carry
/// the base property's [JsonIgnore] over to the derived records' overrides, so they leak into the contract line.
/// Harmless once the overrides carry [JsonIgnore] themselves (VisualAgent.Abstractions).
/// </summary>
internal static class ContractJson
{
    public static string Serialize(AgentAction action)
    {
        var node = JsonNode.Parse(ActionJson.Serialize(action))!;
        Strip(node);
        return node.ToJsonString(ActionJson.Options);
    }

    private static void Strip(JsonNode node)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        o.Remove("name");
        o.Remove("target");
        if (o["then"] is JsonArray then)
        {
            foreach (var item in then)
            {
                Strip(item!);
            }
        }
    }
}
