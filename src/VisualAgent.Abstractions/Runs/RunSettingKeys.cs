namespace VisualAgent.Runs;

/// <summary>Keys of run.json's settings that other parts read back (scripts, replay, skills), and how they are written.</summary>
public static class RunSettingKeys
{
    /// <summary>The samples server the run used: scripts and replays map it onto the one running then (its port changes).</summary>
    public const string SamplesBase = "samples_base";

    /// <summary>The viewport the run's browser had, in CSS pixels, WIDTHxHEIGHT (replays and scripts open theirs at it).</summary>
    public const string Viewport = "viewport";

    /// <summary>Device pixels per CSS pixel of the run's browser (invariant culture).</summary>
    public const string DeviceScaleFactor = "device_scale_factor";

    /// <summary>The samples server's base, if the run recorded one (no trailing slash).</summary>
    public static string? SamplesBaseOf(this RunRecord run) =>
        run.Settings.TryGetValue(SamplesBase, out var value) ? value.TrimEnd('/') : null;

    /// <summary>The viewport the run recorded (CSS pixels); null for a run that recorded none (or an unreadable one).</summary>
    public static Geometry.PixelSize? RecordedViewport(this RunRecord run) =>
        run.Settings.TryGetValue(Viewport, out var value) && Geometry.PixelSize.TryParse(value, out var size) ? size : null;

    /// <summary>The device scale factor the run recorded; null when it recorded none (or an unreadable or non-positive one).</summary>
    public static double? RecordedDeviceScale(this RunRecord run) =>
        run.Settings.TryGetValue(DeviceScaleFactor, out var value)
        && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : null;

    /// <summary>A copy of <paramref name="settings"/> that records <paramref name="samplesBase"/> when a samples server runs.</summary>
    public static IReadOnlyDictionary<string, string> WithSamplesBase(this IReadOnlyDictionary<string, string> settings, string? samplesBase) =>
        samplesBase is null ? settings : new Dictionary<string, string>(settings) { [SamplesBase] = samplesBase };
}
