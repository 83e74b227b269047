using System.Globalization;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// `bench memory`'s verdict. It passes when every native object made during the groundings is gone again (the live
/// count is back where it started) and the process's resident memory has levelled off: over the second half of the
/// groundings it grew by at most <see cref="AllowanceMb"/> MB plus <see cref="AllowanceKbPerGrounding"/> KB per
/// grounding. A leaked 640x360 image per grounding (about 900 KB) is far above that; allocator and cache warm-up,
/// which happen in the first half, are not counted.
/// </summary>
internal sealed record MemoryVerdict(bool Passed, string Text, double SecondHalfGrowthMb, double LimitMb)
{
    public const double AllowanceMb = 16;

    public const double AllowanceKbPerGrounding = 32;

    /// <param name="rssCurveMb">RSS before the first grounding, then after each equal share of them (at least two points).</param>
    public static MemoryVerdict From(IReadOnlyList<double> rssCurveMb, int nativeBefore, int nativeAfter, int groundings)
    {
        ArgumentNullException.ThrowIfNull(rssCurveMb);
        if (rssCurveMb.Count < 2)
        {
            throw new ArgumentException("The RSS curve needs a point before and one after.", nameof(rssCurveMb));
        }

        var middle = rssCurveMb[(rssCurveMb.Count - 1) / 2];
        var growth = rssCurveMb[^1] - middle;
        var limit = AllowanceMb + (AllowanceKbPerGrounding * (groundings / 2.0) / 1024);
        var nativeOk = nativeAfter == nativeBefore;
        var rssOk = growth <= limit;
        var native = nativeOk
            ? $"native objects back to {nativeBefore}"
            : $"{nativeAfter - nativeBefore} native objects still alive ({nativeBefore} -> {nativeAfter})";
        var rss = string.Create(CultureInfo.InvariantCulture, $"RSS {(rssOk ? "levelled off" : "still growing")}: {growth:+0.0;-0.0} MB over the second half (limit {limit:0.0} MB)");
        return new MemoryVerdict(nativeOk && rssOk, $"{(nativeOk && rssOk ? "passed" : "FAILED")}: {native}; {rss}", Math.Round(growth, 1), Math.Round(limit, 1));
    }
}
