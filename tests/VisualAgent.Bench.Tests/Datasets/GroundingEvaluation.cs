using VisualAgent.Bench.Datasets;
using VisualAgent.Bench.Scoring;

namespace VisualAgent.Tests.Datasets;

/// <summary>A grounder's results over a set: per sample, overall, per label kind, and latency medians.</summary>
internal sealed record GroundingEvaluation
{
    public required string Grounder { get; init; }

    public required IReadOnlyList<GroundingSampleResult> Results { get; init; }

    public required AccuracyFigure Overall { get; init; }

    /// <summary>Accuracy per label kind (text-labelled, field-label, other), keys sorted.</summary>
    public required IReadOnlyDictionary<string, AccuracyFigure> ByLabelKind { get; init; }

    /// <summary>Samples that are not text-labelled, together.</summary>
    public required AccuracyFigure NotTextLabelled { get; init; }

    /// <summary>Confidence bins against accuracy (how far a confidence can be trusted).</summary>
    public ReliabilityTable? Reliability { get; init; }

    /// <summary>Median latency of one grounding call.</summary>
    public TimeSpan MedianLatency { get; init; }

    /// <summary>Median over screenshots of the first call on each (the cold call that reads the whole page).</summary>
    public TimeSpan MedianFirstCallPerScreenshot { get; init; }

    /// <summary>Median over screenshots of all calls on each, summed.</summary>
    public TimeSpan MedianTotalPerScreenshot { get; init; }

    /// <summary>Accuracy of text-labelled samples (0 when there are none).</summary>
    public AccuracyFigure TextLabelled => ByLabelKind.GetValueOrDefault(LabelKinds.TextLabelled) ?? new AccuracyFigure(0, 0);

    public override string ToString() => FormattableString.Invariant(
        $"{Grounder}: overall {Overall}; text-labelled {TextLabelled}; others {NotTextLabelled}; ")
        + string.Join("; ", ByLabelKind.Where(kv => kv.Key != LabelKinds.TextLabelled).Select(kv => $"{kv.Key} {kv.Value}"))
        + FormattableString.Invariant(
            $"; median {MedianLatency.TotalMilliseconds:0} ms/call, {MedianFirstCallPerScreenshot.TotalMilliseconds:0} ms first call/screenshot, {MedianTotalPerScreenshot.TotalMilliseconds:0} ms all calls/screenshot");
}
