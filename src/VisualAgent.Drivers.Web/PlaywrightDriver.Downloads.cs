using Microsoft.Playwright;
using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// Downloads: saved to <see cref="BrowserOptions.DownloadsDir"/> under their suggested file names (by default a private
/// temporary folder, removed with the driver), each cancelled once it grows past
/// <see cref="BrowserOptions.MaxDownloadMegabytes"/>.
/// </summary>
public sealed partial class PlaywrightDriver
{
    private readonly List<Task<string?>> _savingDownloads = [];
    private readonly List<string> _recentDownloads = [];
    private readonly List<string> _downloadProblems = [];
    private readonly string? _artifactsDir;
    private readonly bool _ownsDownloadsDir;
    private TaskCompletionSource<string> _nextDownload = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The folder downloads are saved in.</summary>
    public string DownloadsDir => _downloadsDir;

    /// <summary>
    /// The newest download saved since the last action began, or else the next one to finish within
    /// <paramref name="timeout"/>; a <see cref="DriverException"/> when none comes.
    /// </summary>
    public async Task<string> WaitForDownloadAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Task<string> next;
        lock (_gate)
        {
            if (_recentDownloads.Count > 0)
            {
                return _recentDownloads[^1];
            }

            next = _nextDownload.Task;
        }

        try
        {
            return await next.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new DriverException(
                $"No download finished within {timeout.TotalSeconds:0.#} s on {CurrentUrl}. Check that the last action starts a download (a link or button that saves a file).", ex);
        }
    }

    /// <summary>Forgets downloads reported earlier; called when an action begins.</summary>
    private void ResetRecentDownloads()
    {
        lock (_gate)
        {
            _recentDownloads.Clear();
        }
    }

    /// <summary>Waits (bounded) for downloads that started during an action and returns the ones saved.</summary>
    private async Task<IReadOnlyList<string>> CollectDownloadsAsync(CancellationToken cancellationToken)
    {
        Task<string?>[] saving;
        lock (_gate)
        {
            saving = [.. _savingDownloads];
            _savingDownloads.Clear();
        }

        if (saving.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(saving), Task.Delay(TimeSpan.FromMilliseconds(_options.NavigationTimeoutMs), _time, cancellationToken)).ConfigureAwait(false);
        }

        lock (_gate)
        {
            return [.. _recentDownloads];
        }
    }

    /// <summary>What went wrong with downloads since the last call (cancelled as too large, failed), oldest first.</summary>
    public IReadOnlyList<string> TakeDownloadProblems()
    {
        lock (_gate)
        {
            var problems = _downloadProblems.ToList();
            _downloadProblems.Clear();
            return problems;
        }
    }

    private void OnDownload(object? sender, IDownload download)
    {
        Interlocked.Increment(ref _downloadCount);
        var task = SaveDownloadAsync(download);
        _ = CapAsync(download, task);
        lock (_gate)
        {
            _savingDownloads.Add(task);
        }
    }

    private async Task<string?> SaveDownloadAsync(IDownload download)
    {
        try
        {
            Directory.CreateDirectory(_downloadsDir);
            var name = Path.GetFileName(download.SuggestedFilename);
            var path = UniquePath(Path.Combine(_downloadsDir, string.IsNullOrWhiteSpace(name) ? "download" : name));
            await download.SaveAsAsync(path).ConfigureAwait(false);
            TaskCompletionSource<string> done;
            lock (_gate)
            {
                _recentDownloads.Add(path);
                done = _nextDownload;
                _nextDownload = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            DriverLog.Downloaded(_logger, path);
            done.TrySetResult(path);
            return path;
        }
        catch (Exception ex) when (ex is PlaywrightException or IOException or UnauthorizedAccessException)
        {
            DriverLog.DownloadFailed(_logger, ex.Message);
            lock (_gate)
            {
                if (!_downloadProblems.Any(p => p.Contains(download.SuggestedFilename, StringComparison.Ordinal)))
                {
                    _downloadProblems.Add($"the download of {download.SuggestedFilename} failed: {NavigationErrors.FirstLine(ex.Message)}");
                }
            }

            return null;
        }
    }

    /// <summary>Watches the browser's file of a download in progress and cancels the download once it is too large.</summary>
    private async Task CapAsync(IDownload download, Task saving)
    {
        if (_artifactsDir is null)
        {
            return; // an attached browser keeps its own downloads folder: nothing to watch
        }

        var cap = (long)_options.MaxDownloadMegabytes * 1024 * 1024;
        try
        {
            while (!saving.IsCompleted && !_disposed.IsCancellationRequested)
            {
                if (PrivateFolder.LargestFile(_artifactsDir) > cap)
                {
                    lock (_gate)
                    {
                        _downloadProblems.Add($"the download of {download.SuggestedFilename} was cancelled: it grew past {_options.MaxDownloadMegabytes} MB (Browser:MaxDownloadMegabytes)");
                    }

                    await download.CancelAsync().ConfigureAwait(false);
                    return;
                }

                await Task.WhenAny(saving, Task.Delay(TimeSpan.FromMilliseconds(200), _time, _disposed.Token)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or OperationCanceledException or ObjectDisposedException)
        {
            // The download ended or the page closed meanwhile.
        }
    }

    /// <summary>report.csv, then report (1).csv, report (2).csv, ... so a second download never overwrites the first.</summary>
    private static string UniquePath(string path)
    {
        if (!File.Exists(path))
        {
            return path;
        }

        var dir = Path.GetDirectoryName(path)!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var ext = Path.GetExtension(path);
        for (var i = 1; ; i++)
        {
            var candidate = Path.Combine(dir, $"{stem} ({i}){ext}");
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }
}
