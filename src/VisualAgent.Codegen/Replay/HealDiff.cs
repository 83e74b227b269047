using System.Text.Json;
using System.Text.Json.Serialization;
using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// The healed locators of a replay as a reviewable diff (heal.diff.json in the run folder: per healed step, how it was
/// healed, the recorded locators and the ones found now, and the recorded element's crop to compare with), and, for apply, the recording rewritten with them.
/// </summary>
public static class HealDiff
{
    public const string FileName = "heal.diff.json";

    public sealed record Entry(
        [property: JsonPropertyName("step")] int Step,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("healed_by")] string HealedBy,
        [property: JsonPropertyName("old")] IReadOnlyList<ElementLocator>? Old,
        [property: JsonPropertyName("new")] IReadOnlyList<ElementLocator>? New,
        [property: JsonPropertyName("crop")] string? Crop = null);

    public static async Task<string> WriteAsync(RunDetails details, IReadOnlyList<ReplayStepReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var entries = reports.Where(r => r.Healed).Select(r => new Entry(r.Index, r.Description, r.How, r.OldLocators, r.NewLocators, r.Crop)).ToList();
        var path = Path.Combine(details.Folder, FileName);
        var json = JsonSerializer.Serialize(new { run = details.Run.Id, healed = entries }, ActionJson.Indented);
        await WriteAtomicallyAsync(path, json, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>Rewrites steps.jsonl with the healed steps' new locators (atomically; the other lines as they were).</summary>
    public static async Task ApplyAsync(RunDetails details, IReadOnlyList<ReplayStepReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var healed = reports.Where(r => r.Healed && r.NewLocators is { Count: > 0 }).ToDictionary(r => r.Index);
        var lines = details.Steps.Select(s => healed.TryGetValue(s.Index, out var r) && s.Outcome == VisualAgent.Runs.StepOutcome.Ok
            ? s with { Locators = r.NewLocators }
            : s).Select(RunJson.SerializeStep);
        await WriteAtomicallyAsync(Path.Combine(details.Folder, "steps.jsonl"), string.Join('\n', lines) + "\n", cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
