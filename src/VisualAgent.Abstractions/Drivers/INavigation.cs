namespace VisualAgent.Drivers;

/// <summary>Capability of a browser: where the page is, going somewhere, going back.</summary>
public interface INavigation
{
    /// <summary>The URL of the page the driver acts on (it follows new tabs and pop-ups).</summary>
    string CurrentUrl { get; }

    /// <summary>Navigates to an http, https or file URL and waits for the page to settle.</summary>
    Task NavigateAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Goes back one entry in the page's history and settles.</summary>
    Task GoBackAsync(CancellationToken cancellationToken = default);
}
