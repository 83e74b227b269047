using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Bench.Datasets;

/// <summary>What <see cref="GroundingSetGenerator"/> photographs and how it names targets.</summary>
internal sealed class GroundingSetOptions
{
    /// <summary>Viewports in CSS pixels. Default 1280x720 and 1920x1080.</summary>
    public IList<PixelSize> Viewports { get; set; } = [new(1280, 720), new(1920, 1080)];

    /// <summary>Ids of <see cref="SampleScreen.Defaults"/> to include; empty (default) = all of them.</summary>
    public IList<string> Screens { get; set; } = [];

    /// <summary>Device scale factor of every page. Default 1 (screenshot pixels = CSS pixels).</summary>
    public double DeviceScaleFactor { get; set; } = 1;

    /// <summary>Repeated instructions on one screenshot get ordinals up to this ("the tenth ..."); later ones are
    /// dropped. Default 10, the most the ordinal words cover; 0 drops every repeated instruction.</summary>
    public int MaxOrdinal { get; set; } = 10;

    /// <summary>Annotate the canvas-drawn "Canvas OK" button where a state shows it. Default true.</summary>
    public bool IncludeCanvas { get; set; } = true;

    /// <summary>Browser settings (executable, headless); viewport and scale are set per screenshot. Default: auto-detect.</summary>
    public BrowserOptions Browser { get; set; } = new();

    /// <summary>The samples/web folder to serve; null (default) finds it beside the executable or up the repository.</summary>
    public string? SamplesRoot { get; set; }

    /// <summary>The screens selected by <see cref="Screens"/>, in the default order.</summary>
    public IReadOnlyList<SampleScreen> SelectedScreens()
    {
        if (Screens.Count == 0)
        {
            return SampleScreen.Defaults;
        }

        var unknown = Screens.Where(s => SampleScreen.Defaults.All(d => d.Id != s)).ToList();
        return unknown.Count > 0
            ? throw new UsageException($"Unknown grounding screen(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", SampleScreen.Defaults.Select(d => d.Id))}.")
            : SampleScreen.Defaults.Where(d => Screens.Contains(d.Id)).ToList();
    }

    /// <summary>Throws <see cref="UsageException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Viewports.Count == 0 || Viewports.Any(v => v.Width is < 100 or > 7680 || v.Height is < 100 or > 4320))
        {
            throw new UsageException("Grounding set viewports must be at least one size between 100x100 and 7680x4320.");
        }

        if (DeviceScaleFactor is < 0.5 or > 4)
        {
            throw new UsageException("Grounding set DeviceScaleFactor must be between 0.5 and 4.");
        }

        if (MaxOrdinal is < 0 or > 10)
        {
            throw new UsageException("Grounding set MaxOrdinal must be between 0 and 10.");
        }

        _ = SelectedScreens();
    }
}
