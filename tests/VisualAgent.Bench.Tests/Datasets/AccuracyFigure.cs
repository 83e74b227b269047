namespace VisualAgent.Tests.Datasets;

/// <summary>Hits out of a number of samples.</summary>
internal sealed record AccuracyFigure(int Hits, int Total)
{
    /// <summary>Hits / Total, 0 for no samples.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Hits / Total;

    public static AccuracyFigure Of(IEnumerable<GroundingSampleResult> results)
    {
        var list = results as IReadOnlyCollection<GroundingSampleResult> ?? results.ToList();
        return new AccuracyFigure(list.Count(r => r.Hit), list.Count);
    }

    public override string ToString() => FormattableString.Invariant($"{Accuracy:P1} ({Hits}/{Total})");
}
