using System.Globalization;
using VisualAgent.Geometry;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Replay;

/// <summary>Where a replay's viewport came from.</summary>
public enum ReplayViewportSource
{
    /// <summary>run.json's settings "viewport" (and "device_scale_factor"): the size the steps were recorded at.</summary>
    Recorded,

    /// <summary>The caller said so (--viewport / --device-scale-factor, the MCP tool's viewport).</summary>
    Given,

    /// <summary>The run recorded no viewport (an older run): the configured default (Browser:ViewportWidth/Height).</summary>
    ConfiguredDefault,
}

/// <summary>
/// The viewport (CSS pixels) and device scale a browser replay opens its page at, and why. A replay clicks at points
/// and scrolls by amounts recorded at the run's size, and responsive pages lay out (or hide) elements by width, so the
/// recorded size is the default for every replay (the CLI's `replay` and `bench replay`, the MCP tool, the web UI); a
/// size the caller gives wins, with a warning when it differs from the recorded one.
/// </summary>
public sealed record ReplayViewport(PixelSize Size, double DeviceScaleFactor, ReplayViewportSource Source, PixelSize? RecordedSize, double? RecordedScale)
{
    /// <summary>Set when the caller's size or scale differs from the recorded one: coordinates and scrolls may not match.</summary>
    public string? Warning => Source == ReplayViewportSource.Given && RecordedSize is { } recorded
        && (recorded != Size || (RecordedScale is { } scale && Math.Abs(scale - DeviceScaleFactor) > 1e-9))
        ? $"the run was recorded at {Describe(recorded, RecordedScale ?? DeviceScaleFactor)}, this replay uses {Describe(Size, DeviceScaleFactor)}: recorded points and scroll amounts may not match, and a page that lays out by width may show other elements (leave out --viewport to replay at the recorded size)"
        : null;

    /// <summary>One line for the replay's output: the size used and why.</summary>
    public string Note => Source switch
    {
        ReplayViewportSource.Recorded => $"viewport {Describe(Size, DeviceScaleFactor)}, as the run recorded it",
        ReplayViewportSource.Given when RecordedSize is { } recorded => Warning is null
            ? $"viewport {Describe(Size, DeviceScaleFactor)}, as given (the run recorded the same)"
            : $"viewport {Describe(Size, DeviceScaleFactor)}, as given (the run recorded {Describe(recorded, RecordedScale ?? DeviceScaleFactor)})",
        ReplayViewportSource.Given => $"viewport {Describe(Size, DeviceScaleFactor)}, as given (the run recorded no viewport)",
        _ => $"viewport {Describe(Size, DeviceScaleFactor)}, the configured default: the run recorded no viewport",
    };

    /// <summary>The choice as JSON (the CLI's --json, the MCP tool and the UI show the same fields).</summary>
    public object Summary() => new
    {
        width = Size.Width,
        height = Size.Height,
        device_scale_factor = DeviceScaleFactor,
        source = Source switch
        {
            ReplayViewportSource.Recorded => "recorded",
            ReplayViewportSource.Given => "given",
            _ => "configured default",
        },
        recorded = RecordedSize?.ToString(),
        note = Note,
        warning = Warning,
    };

    /// <summary>
    /// The viewport for replaying <paramref name="run"/>: <paramref name="given"/> / <paramref name="givenScale"/> when
    /// the caller gave them, else what the run recorded, else <paramref name="configured"/> / <paramref name="configuredScale"/>.
    /// A given size with no given scale keeps the recorded scale (a scale alone keeps the recorded size).
    /// </summary>
    public static ReplayViewport Choose(RunRecord run, PixelSize configured, double configuredScale, PixelSize? given = null, double? givenScale = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var recorded = run.RecordedViewport();
        var recordedScale = run.RecordedDeviceScale();
        var size = given ?? recorded ?? configured;
        var scale = givenScale ?? recordedScale ?? configuredScale;
        var source = given is not null || givenScale is not null ? ReplayViewportSource.Given
            : recorded is not null ? ReplayViewportSource.Recorded
            : ReplayViewportSource.ConfiguredDefault;
        return new ReplayViewport(size, scale, source, recorded, recordedScale);
    }

    private static string Describe(PixelSize size, double scale) =>
        string.Create(CultureInfo.InvariantCulture, $"{size}") + (Math.Abs(scale - 1) < 1e-9 ? "" : string.Create(CultureInfo.InvariantCulture, $" at device scale {scale:0.##}"));
}
