using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Reports;

/// <summary>What the runner knows of one model besides its result lines: how its run went.</summary>
internal sealed record ModelRunInfo
{
    public required string Model { get; init; }

    public bool Simulated { get; init; }

    public ModelRunStatus Status { get; init; } = ModelRunStatus.Ok;

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
