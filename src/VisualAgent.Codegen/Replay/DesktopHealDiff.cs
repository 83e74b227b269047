using System.Text.Json;
using System.Text.Json.Serialization;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// The healed element paths of a desktop replay as a reviewable diff (heal.diff.json in the run folder: per healed step,
/// how it was healed, the recorded path and the path now), and, for apply, the recording rewritten with them.
/// </summary>
public static class DesktopHealDiff
{
    public sealed record Entry(
        [property: JsonPropertyName("step")] int Step,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("healed_by")] string HealedBy,
        [property: JsonPropertyName("old_path")] ElementPath? Old,
        [property: JsonPropertyName("new_path")] ElementPath? New);

    public static async Task<string> WriteAsync(RunDetails details, IReadOnlyList<Entry> healed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var path = Path.Combine(details.Folder, "heal.diff.json");
        var json = JsonSerializer.Serialize(new { run = details.Run.Id, healed }, ActionJson.Indented);
        await WriteAtomicallyAsync(path, json, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>Rewrites steps.jsonl with the healed steps' new element paths (atomically; the other lines as they were).</summary>
    public static async Task ApplyAsync(RunDetails details, IReadOnlyList<Entry> healed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var byStep = healed.Where(e => e.New is not null).ToDictionary(e => e.Step);
        var lines = details.Steps.Select(s => byStep.TryGetValue(s.Index, out var e) && s.Outcome == VisualAgent.Runs.StepOutcome.Ok ? s with { ElementPath = e.New } : s)
            .Select(RunJson.SerializeStep);
        await WriteAtomicallyAsync(Path.Combine(details.Folder, "steps.jsonl"), string.Join('\n', lines) + "\n", cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
