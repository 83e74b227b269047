using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Reports;

/// <summary>What the runner knows of one model besides its result lines: how its run went.</summary>
public sealed record ModelRunInfo
{
    public required string Model { get; init; }

    public bool Simulated { get; init; }

    /// <summary>A model none of whose samples succeeded (bad input aside): the command exits non-zero.</summary>
    public const string StatusFailed = "failed";

    /// <summary>"ok", "failed", "unreachable", "not_supported", "stopped" (cancelled) or "error".</summary>
    public string Status { get; init; } = "ok";

    public string? Message { get; init; }

    /// <summary>Wall time of this run's part (samples done by an earlier run excluded).</summary>
    public TimeSpan Wall { get; init; }

    /// <summary>Samples finished by this run.</summary>
    public int RanNow { get; init; }

    /// <summary>Samples found done from an earlier run with the same --out.</summary>
    public int Resumed { get; init; }

    public double? GpuPeakMib { get; init; }

    public ModelPrice? Price { get; init; }
}
