namespace VisualAgent.Models.Serving;

/// <summary>What the self-check concluded.</summary>
public enum ServingVerdict
{
    /// <summary>No systematic error: the profile reads the model's coordinates as the model means them.</summary>
    Pass,

    /// <summary>A known serving mistake explains the errors; <see cref="ServingDiagnosis.Fix"/> says what to set.</summary>
    Misconfigured,

    /// <summary>Too few answers, or large errors that match no known mistake: not a pass.</summary>
    Inconclusive,
}

/// <summary>A least-squares line predicted = Scale * truth + Offset along one axis, in screenshot pixels.</summary>
public readonly record struct AxisFit(double Scale, double Offset);

/// <summary>The self-check's finding: verdict, the mistake matched, what to set, and the numbers behind it.</summary>
public sealed record ServingDiagnosis
{
    public required ServingVerdict Verdict { get; init; }

    public ServingProblem Problem { get; init; }

    /// <summary>What is wrong (or that nothing systematic is), in words with the measured numbers.</summary>
    public required string Message { get; init; }

    /// <summary>What to set to fix it; null on a pass.</summary>
    public string? Fix { get; init; }

    /// <summary>Golden targets the model answered with a point.</summary>
    public int Answered { get; init; }

    /// <summary>Golden targets with no usable answer.</summary>
    public int Missed { get; init; }

    public AxisFit X { get; init; }

    public AxisFit Y { get; init; }

    /// <summary>Root-mean-square distance of the answers from the targets' centres, in pixels.</summary>
    public double RmsPx { get; init; }

    /// <summary>The root-mean-square distance left under each hypothesis (its name in snake case), in pixels.</summary>
    public IReadOnlyDictionary<string, double> Hypotheses { get; init; } = new Dictionary<string, double>();
}
