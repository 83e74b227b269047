using System.Text;
using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Geometry;

namespace VisualAgent.Tests.Fakes;

/// <summary>
/// A browser that records what it is asked to do. Its "screenshots" are canned bytes naming the URL, the scroll offset
/// and a version that every action bumps (unless <see cref="ChangesScreen"/> says no), so screen-change checks work.
/// </summary>
internal class FakeBrowserDriver : IBrowserDriver
{
    private int _version;

    public PixelSize Size { get; set; } = new(1280, 800);

    public string CurrentUrl { get; set; } = "about:blank";

    public NativeDialog? PendingDialog { get; set; }

    public double ScrollY { get; private set; }

    public double PageHeight { get; set; } = 800;

    public List<AgentAction> Actions { get; } = [];

    public List<string> Navigations { get; } = [];

    public List<(ScreenPoint Point, IReadOnlyList<string> Files)> Uploads { get; } = [];

    public List<bool> DialogAnswers { get; } = [];

    /// <summary>The prompt text of each dialog answer (null when none was given).</summary>
    public List<string?> DialogTexts { get; } = [];

    /// <summary>Everything typed, in order (the real values the page received).</summary>
    public StringBuilder Typed { get; } = new();

    public int Captures { get; private set; }

    public Func<AgentAction, bool> ChangesScreen { get; set; } = _ => true;

    public Func<ScreenPoint, ElementFacts?> ElementAt { get; set; } = _ => null;

    public Func<string, string> Evaluate { get; set; } = _ => "null";

    public Func<AgentAction, ActionOutcome?> OutcomeOf { get; set; } = _ => null;

    /// <summary>Called before each action is carried out (tests cancel runs or read the run folder here).</summary>
    public Action<AgentAction> OnExecute { get; set; } = _ => { };

    public Task<Screenshot> CaptureAsync(CancellationToken cancellationToken = default)
    {
        Captures++;
        var png = Encoding.UTF8.GetBytes($"PNG|{CurrentUrl}|scroll={ScrollY}|v={_version}");
        return Task.FromResult(new Screenshot { Png = png, Size = Size, Location = CurrentUrl });
    }

    public Task<ActionOutcome> ExecuteAsync(AgentAction action, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OnExecute(action);
        cancellationToken.ThrowIfCancellationRequested();
        Actions.Add(action);
        if (action is TypeAction t)
        {
            Typed.Append(t.Text);
        }

        if (action is ScrollAction s)
        {
            var before = ScrollY;
            ScrollY = Math.Clamp(ScrollY + s.Dy, 0, Math.Max(0, PageHeight - Size.Height));
            if (before != ScrollY)
            {
                _version++;
            }
        }
        else if (action is not WaitAction && ChangesScreen(action))
        {
            _version++;
        }

        var outcome = OutcomeOf(action) ?? new ActionOutcome();
        PendingDialog = outcome.Dialog;
        return Task.FromResult(outcome);
    }

    public Task<ElementFacts?> ElementAtAsync(ScreenPoint point, CancellationToken cancellationToken = default) =>
        Task.FromResult(ElementAt(point));

    public Task<string?> AccessibilitySnapshotAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        Navigations.Add(url);
        CurrentUrl = url;
        ScrollY = 0;
        _version++;
        return Task.CompletedTask;
    }

    public Task GoBackAsync(CancellationToken cancellationToken = default)
    {
        Navigations.Add("back");
        _version++;
        return Task.CompletedTask;
    }

    public Task<ActionOutcome> UploadAsync(ScreenPoint point, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        Uploads.Add((point, files));
        return Task.FromResult(new ActionOutcome());
    }

    public Task<string> EvaluateAsync(string expression, CancellationToken cancellationToken = default) => Task.FromResult(Evaluate(expression));

    public Task AnswerDialogAsync(bool accept, string? promptText = null, CancellationToken cancellationToken = default)
    {
        DialogAnswers.Add(accept);
        DialogTexts.Add(promptText);
        PendingDialog = null;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public IEnumerable<ClickAction> Clicks => Actions.OfType<ClickAction>();
}
