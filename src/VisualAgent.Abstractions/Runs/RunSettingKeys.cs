namespace VisualAgent.Runs;

/// <summary>Keys of run.json's settings that other parts read back (scripts, replay, skills), and how they are written.</summary>
public static class RunSettingKeys
{
    /// <summary>The samples server the run used: scripts and replays map it onto the one running then (its port changes).</summary>
    public const string SamplesBase = "samples_base";

    /// <summary>The samples server's base, if the run recorded one (no trailing slash).</summary>
    public static string? SamplesBaseOf(this RunRecord run) =>
        run.Settings.TryGetValue(SamplesBase, out var value) ? value.TrimEnd('/') : null;

    /// <summary>A copy of <paramref name="settings"/> that records <paramref name="samplesBase"/> when a samples server runs.</summary>
    public static IReadOnlyDictionary<string, string> WithSamplesBase(this IReadOnlyDictionary<string, string> settings, string? samplesBase) =>
        samplesBase is null ? settings : new Dictionary<string, string>(settings) { [SamplesBase] = samplesBase };
}
