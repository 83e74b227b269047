namespace VisualAgent.Bench.Scoring;

/// <summary>One confidence bin of a <see cref="ReliabilityTable"/>: [From, To), answers, hits, mean confidence.</summary>
public sealed record ReliabilityBin(double From, double To, int N, int Hits, double MeanConfidence)
{
    public double Accuracy => N == 0 ? 0 : (double)Hits / N;
}
