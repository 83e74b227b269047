using Microsoft.Extensions.Logging;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;

namespace VisualAgent.Agent;

/// <summary>The state of one run shared by the loop's parts: services, the current screen, counters, downloads.</summary>
internal sealed class RunContext
{
    /// <summary>The driver; its further capabilities (page elements, activity, navigation, dialogs, uploads) are found by type.</summary>
    public required IUiDriver Driver { get; init; }

    public INavigation? Navigation => Driver as INavigation;

    /// <summary>The screen as elements (web: DOM + accessibility tree), or null for a pixels-only driver.</summary>
    public IElementQuery? Elements => Driver as IElementQuery;

    public IActivityMonitor? Activity => Driver as IActivityMonitor;

    public INativeDialogs? NativeDialogs => Driver as INativeDialogs;

    public IFileUpload? Upload => Driver as IFileUpload;

    /// <summary>The page URL (web) or the last capture's location (desktop).</summary>
    public string Location => Navigation?.CurrentUrl ?? Current?.Location ?? "";

    /// <summary>Ground described targets through the screen's elements (profile "offline"), pixels only where they are silent.</summary>
    public bool GroundThroughElements { get; init; }

    public required IGrounder Grounder { get; init; }

    public required SafetyPolicy Policy { get; init; }

    public required IConfirmationPrompt Prompt { get; init; }

    public required SecretResolver Secrets { get; init; }

    public required RunWriter Writer { get; init; }

    public required AgentOptions Options { get; init; }

    public required TimeProvider Time { get; init; }

    public required IScreenChangeDetector ScreenChange { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>Dialog answers that come from the plan's steps.</summary>
    public required DialogPlan Dialogs { get; init; }

    /// <summary>The latest capture: the observation of the next step.</summary>
    public Screenshot? Current { get; set; }

    /// <summary>Boxes to blank in saved screenshots (password fields, fields holding a secret) while on this location.</summary>
    public List<ScreenBox> SensitiveBoxes { get; } = [];

    public string? SensitiveLocation { get; set; }

    /// <summary>What happened between steps (a dialog answered as the start page loaded): noted on the next step.</summary>
    public List<string> CarriedNotes { get; } = [];

    /// <summary>Downloads kept in the run folder, relative paths.</summary>
    public List<string> Downloads { get; } = [];

    public int DownloadsAwaited { get; set; }

    public int ModelCalls { get; set; }

    public TokenUsage Tokens { get; set; } = new(0, 0);

    public async Task<Screenshot> CaptureAsync(CancellationToken cancellationToken)
    {
        Current = await Driver.CaptureAsync(cancellationToken).ConfigureAwait(false);
        return Current;
    }

    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        if (Options.SettleAfterAction > TimeSpan.Zero)
        {
            await Task.Delay(Options.SettleAfterAction, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void CountModelCall(TokenUsage? usage)
    {
        ModelCalls++;
        if (usage is not null)
        {
            Tokens += usage;
        }
    }

    public void AddSensitiveBox(ScreenBox box, string? location)
    {
        if (SensitiveLocation != location)
        {
            SensitiveBoxes.Clear();
            SensitiveLocation = location;
        }

        SensitiveBoxes.Add(box);
    }
}
