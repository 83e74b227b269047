namespace VisualAgent.Bench.Metrics;

/// <summary>A confidence interval [Low, High] for a mean.</summary>
internal readonly record struct BootstrapInterval(double Low, double High)
{
    public override string ToString() => FormattableString.Invariant($"[{Low:0.####}, {High:0.####}]");
}
