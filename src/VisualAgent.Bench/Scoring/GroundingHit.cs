using VisualAgent.Geometry;

namespace VisualAgent.Bench.Scoring;

/// <summary>
/// The one grounding rule of every score here (bench runs, `bench score`, grounding sets): a hit is a predicted
/// point inside the true box, edges inclusive; no point (a refusal, an unparsed reply) is a miss.
/// </summary>
internal static class GroundingHit
{
    public static bool Of(ScreenBox truth, ScreenPoint? point) => point is { } p && truth.Contains(p);
}
