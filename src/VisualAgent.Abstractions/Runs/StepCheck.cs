using System.Text.Json.Serialization;

namespace VisualAgent.Runs;

/// <summary>How much a step check proves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStrength>))]
public enum CheckStrength
{
    /// <summary>Nothing to check (a key press, a scroll, a wait).</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>The element hit is the one grounded and the page reacted; not proof of the intended effect.</summary>
    [JsonStringEnumMemberName("weak")] Weak,

    /// <summary>The intended effect was read back: a state, a value, the page reached, the text asked for.</summary>
    [JsonStringEnumMemberName("strong")] Strong,
}

/// <summary>
/// Did a step have its intended effect: what was expected, what was observed (secrets masked), how strong the evidence
/// is, and whether it held. A run is succeeded only when every step's check held.
/// </summary>
public sealed record StepCheck(string Expected, string Observed, CheckStrength Strength, bool Held)
{
    public override string ToString() => $"{(Held ? "held" : "failed")} ({Strength.ToString().ToLowerInvariant()}): expected {Expected}; observed {Observed}";
}
