using Microsoft.Extensions.Logging;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Imaging;

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

    /// <summary>The driver's own rule for "the page shows TEXT" (web), or null: verify then reads the text blocks.</summary>
    public IShownText? ShownText => Driver as IShownText;

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

    /// <summary>Downloads that did not arrive, and why (too large, failed).</summary>
    public List<string> DownloadProblems { get; } = [];

    /// <summary>A secret was typed in this run: from then on the request guard lets nothing reach other origins.</summary>
    public bool SecretTyped { get; set; }

    public int ModelCalls { get; set; }

    public TokenUsage Tokens { get; set; } = new(0, 0);

    /// <summary>Blanks boxes in screenshots; null = screenshots that may show a secret are neither saved nor kept.</summary>
    public IScreenshotMasker? ScreenshotMasker { get; init; }

    /// <summary>The latest capture needed masking and there was no masker: it must not be saved (nor shown to a model).</summary>
    public bool CurrentUnmasked { get; private set; }

    /// <summary>
    /// Captures the screen as the run may keep it: fields that hold a secret, and any text on the page that shows one
    /// (a page that echoes what was typed), are blanked in the observation itself, so neither a model, the grounder
    /// nor a saved screenshot ever sees a secret's pixels.
    /// </summary>
    public async Task<Screenshot> CaptureAsync(CancellationToken cancellationToken)
    {
        var shot = await Driver.CaptureAsync(cancellationToken).ConfigureAwait(false);
        if (SensitiveLocation != Location)
        {
            SensitiveBoxes.Clear();
        }

        var boxes = new List<ScreenBox>(SensitiveBoxes);
        if (Secrets.Masker.HasSecrets && Elements is { } elements)
        {
            foreach (var block in await elements.QueryTextAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (block.Visible && !string.Equals(Secrets.Masker.Apply(block.Text), block.Text, StringComparison.Ordinal))
                {
                    boxes.Add(block.Box);
                }
            }
        }

        CurrentUnmasked = boxes.Count > 0 && ScreenshotMasker is null;
        Current = boxes.Count == 0 || ScreenshotMasker is null ? shot
            : shot with { Png = await ScreenshotMasker.MaskAsync(shot.Png.ToArray(), boxes, cancellationToken).ConfigureAwait(false) };
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
