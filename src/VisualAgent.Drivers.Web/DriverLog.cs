using Microsoft.Extensions.Logging;

namespace VisualAgent.Drivers.Web;

/// <summary>The web driver's log messages (source-generated).</summary>
internal static partial class DriverLog
{
    [LoggerMessage(1, LogLevel.Information, "Launched {Executable} (Chromium {Version}), profile {Profile}")]
    public static partial void Launched(ILogger logger, string executable, string version, string profile);

    [LoggerMessage(2, LogLevel.Information, "Attached to the browser at {Endpoint} (Chromium {Version})")]
    public static partial void Attached(ILogger logger, string endpoint, string version);

    [LoggerMessage(3, LogLevel.Warning, "Closing the browser failed: {Message}")]
    public static partial void CloseFailed(ILogger logger, string message);

    [LoggerMessage(4, LogLevel.Debug, "Navigating to {Url}")]
    public static partial void Navigating(ILogger logger, string url);

    [LoggerMessage(5, LogLevel.Debug, "Action {Action} took {Milliseconds:0} ms")]
    public static partial void ActionDone(ILogger logger, string action, double milliseconds);

    [LoggerMessage(6, LogLevel.Information, "A {Kind} dialog opened: {Message}")]
    public static partial void DialogOpened(ILogger logger, string kind, string message);

    [LoggerMessage(7, LogLevel.Warning, "Nobody answered the {Kind} dialog within {TimeoutMs} ms: dismissed it")]
    public static partial void DialogTimedOut(ILogger logger, string kind, int timeoutMs);

    [LoggerMessage(8, LogLevel.Information, "Switched to a new page: {Url}")]
    public static partial void SwitchedPage(ILogger logger, string url);

    [LoggerMessage(9, LogLevel.Information, "Downloaded {Path}")]
    public static partial void Downloaded(ILogger logger, string path);

    [LoggerMessage(10, LogLevel.Warning, "A download failed: {Message}")]
    public static partial void DownloadFailed(ILogger logger, string message);

    [LoggerMessage(11, LogLevel.Error, "The page crashed: {Url}")]
    public static partial void PageCrashed(ILogger logger, string url);

    [LoggerMessage(12, LogLevel.Debug, "The page did not settle within {TimeoutMs} ms; going on")]
    public static partial void SettleTimedOut(ILogger logger, int timeoutMs);

    [LoggerMessage(13, LogLevel.Debug, "Ignored while settling: {Message}")]
    public static partial void SettleIgnored(ILogger logger, string message);

    [LoggerMessage(14, LogLevel.Debug, "The CDP screenshot path failed, using Playwright's: {Message}")]
    public static partial void CdpCaptureFailed(ILogger logger, string message);

    [LoggerMessage(15, LogLevel.Debug, "An action interrupted by a dialog ended with: {Message}")]
    public static partial void BlockedActionEnded(ILogger logger, string message);

    [LoggerMessage(16, LogLevel.Information, "A page opened by itself (not by a step's action): {Url}; staying on the current page")]
    public static partial void PageNotFollowed(ILogger logger, string url);

    [LoggerMessage(17, LogLevel.Information, "Dismissed a dialog of a page the agent did not follow ({Url}): {Message}")]
    public static partial void DialogOfOtherPage(ILogger logger, string message, string url);

    [LoggerMessage(18, LogLevel.Warning, "Blocked a {Method} request to {Origin} before it left: {Reason}")]
    public static partial void RequestBlocked(ILogger logger, string method, string origin, string reason);

    [LoggerMessage(19, LogLevel.Warning, "The page {Url} stopped answering (a script that never ends?): closing it")]
    public static partial void PageHung(ILogger logger, string url);

    [LoggerMessage(20, LogLevel.Warning, "Could not note what the page shows before the first action ({Message}): text shown from the start will count as evidence on this page")]
    public static partial void ShownMarkFailed(ILogger logger, string message);
}
