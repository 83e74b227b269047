namespace VisualAgent.Drivers;

/// <summary>A driver over a web browser: navigation, dialogs and downloads on top of <see cref="IUiDriver"/>.</summary>
public interface IBrowserDriver : IUiDriver
{
    /// <summary>The URL of the page the driver acts on (it follows new tabs and pop-ups).</summary>
    string CurrentUrl { get; }

    /// <summary>The dialog waiting for an answer, if any.</summary>
    NativeDialog? PendingDialog { get; }

    /// <summary>Navigates to an http, https or file URL and waits for the page to settle.</summary>
    Task NavigateAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Goes back one entry in the page's history and settles.</summary>
    Task GoBackAsync(CancellationToken cancellationToken = default);

    /// <summary>Clicks the point, catches the file chooser it opens and gives it these files.</summary>
    Task<ActionOutcome> UploadAsync(Geometry.ScreenPoint point, IReadOnlyList<string> files, CancellationToken cancellationToken = default);

    /// <summary>Evaluates a JavaScript expression in the page (awaiting a promise) and returns its value as JSON.</summary>
    Task<string> EvaluateAsync(string expression, CancellationToken cancellationToken = default);

    /// <summary>Answers the pending dialog: accept (with text for a prompt) or dismiss.</summary>
    Task AnswerDialogAsync(bool accept, string? promptText = null, CancellationToken cancellationToken = default);
}
