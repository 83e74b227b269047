using System.Text.Json.Nodes;
using VisualAgent.Agent.Offline;
using VisualAgent.Planning;

namespace VisualAgent.SemanticKernel;

/// <summary>
/// The function calls a perfect model would make for a task's solution (explicit steps), for the SIMULATED server to
/// answer with: plugin mode calls click/type/scroll and run_task for the other verbs; planner mode calls the next-step
/// functions one per step and done at the end. Used by tests and the bench only; every answer it feeds is simulated.
/// </summary>
public static class KernelToolScript
{
    public static IReadOnlyList<(string Function, JsonObject Arguments)> ForPlugin(string solution) =>
        [.. StepParser.Parse(solution).Select(s => s.Verb switch
        {
            StepVerb.Click when s.Target is { } t => ("click", new JsonObject { ["target"] = t }),
            StepVerb.Type when s.Target is { } t && !s.Submit => ("type", new JsonObject { ["text"] = s.Value, ["target"] = t }),
            StepVerb.Scroll when s.Target is null && s.Value is "up" or "down" => ("scroll", new JsonObject { ["direction"] = s.Value }),
            _ => ("run_task", new JsonObject { ["instruction"] = s.Source }),
        })];

    public static IReadOnlyList<(string Function, JsonObject Arguments)> ForPlanner(string solution) =>
        [.. StepParser.Parse(solution).Select(s => s.Verb switch
        {
            StepVerb.Click when s.Target is { } t => ("click", new JsonObject { ["target"] = t }),
            StepVerb.Type when s.Target is { } t => ("type", new JsonObject { ["text"] = s.Value, ["target"] = t, ["submit"] = s.Submit }),
            StepVerb.Select when s.Target is { } t => ("select", new JsonObject { ["option"] = s.Value, ["target"] = t }),
            StepVerb.Check when s.Target is { } t => ("check", new JsonObject { ["target"] = t }),
            StepVerb.Uncheck when s.Target is { } t => ("uncheck", new JsonObject { ["target"] = t }),
            StepVerb.Verify => ("verify", new JsonObject { ["text"] = s.Value }),
            StepVerb.Open => ("open", new JsonObject { ["url"] = s.Value }),
            StepVerb.Back => ("go_back", new JsonObject()),
            StepVerb.Scroll => ("scroll", new JsonObject { ["direction"] = s.Value }),
            _ => throw new NotSupportedException($"the step '{s.Source}' has no next-step function in the simulated script"),
        }), ("done", new JsonObject())];
}
