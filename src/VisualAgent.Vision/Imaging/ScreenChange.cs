using VisualAgent.Geometry;

namespace VisualAgent.Vision;

/// <summary>The verify step's check: did the screen change between two screenshots, overall and near the action?</summary>
public static class ScreenChange
{
    /// <summary>Compares two PNG/JPEG screenshots. Different sizes count as a full change.</summary>
    public static ScreenChangeReport Compare(
        ReadOnlySpan<byte> before, ReadOnlySpan<byte> after, ScreenPoint? actionPoint = null, double radius = 120, ChangeOptions? options = null)
    {
        using var a = FrameCache.Shared.Rent(before);
        using var b = FrameCache.Shared.Rent(after);
        return Compare(a.Image, b.Image, actionPoint, radius, options);
    }

    public static ScreenChangeReport Compare(Image before, Image after, ScreenPoint? actionPoint = null, double radius = 120, ChangeOptions? options = null)
    {
        if (before.Size != after.Size)
        {
            var whole = new ScreenBox(0, 0, after.Width, after.Height);
            return new ScreenChangeReport(1, 1, [whole], actionPoint is null ? null : whole);
        }

        using var a = before.Channels == after.Channels ? before.Clone() : before.ToBgr();
        using var b = before.Channels == after.Channels ? after.Clone() : after.ToBgr();
        var overall = a.ChangedRegions(b, options);
        if (actionPoint is not { } p)
        {
            return new ScreenChangeReport(overall.ChangedFraction, overall.ChangedFraction, overall.Regions, null);
        }

        var around = new ScreenBox(
            Math.Clamp(Math.Floor(p.X - radius), 0, a.Width - 1),
            Math.Clamp(Math.Floor(p.Y - radius), 0, a.Height - 1),
            Math.Clamp(Math.Ceiling(p.X + radius), 1, a.Width),
            Math.Clamp(Math.Ceiling(p.Y + radius), 1, a.Height));
        using var ca = a.Crop(around);
        using var cb = b.Crop(around);
        var local = ca.ChangedRegions(cb, options);
        return new ScreenChangeReport(overall.ChangedFraction, local.ChangedFraction, overall.Regions, around);
    }
}
