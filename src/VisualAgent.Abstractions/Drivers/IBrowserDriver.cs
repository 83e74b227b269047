namespace VisualAgent.Drivers;

/// <summary>A driver over a web browser: navigation, dialogs and uploads on top of <see cref="IUiDriver"/>.</summary>
public interface IBrowserDriver : IUiDriver, INavigation, INativeDialogs, IFileUpload
{
    /// <summary>
    /// Evaluates a JavaScript expression in the page (awaiting a promise) and returns its value as JSON. Only for
    /// scripts a user or a task suite wrote (success_js, setup_js); the agent's own page scripts live in the driver.
    /// </summary>
    Task<string> EvaluateAsync(string expression, CancellationToken cancellationToken = default);
}
