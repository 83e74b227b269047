using System.Globalization;
using System.Text;
using VisualAgent.Agent.Policy;
using VisualAgent.Runs;

namespace VisualAgent.Agent.Runs;

/// <summary>
/// Writes one run folder: run.json (atomically, at start, after each step and at the end), steps.jsonl (one line per
/// step, flushed as it is written), shots/, downloads/ and report.html. Every text goes through the
/// <see cref="SecretMasker"/> first. A process killed half-way leaves run.json saying "running" and every finished step.
/// </summary>
public sealed class RunWriter : IAsyncDisposable
{
    private readonly SecretMasker _masker;
    private readonly FileStream _steps;
    private readonly List<StepRecord> _written = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _queueLock = new();
    private RunRecord? _queued;
    private bool _draining;
    private Task _drain = Task.CompletedTask;

    internal RunWriter(string folder, string id, SecretMasker masker)
    {
        Folder = folder;
        Id = id;
        _masker = masker;
        Directory.CreateDirectory(ShotsFolder);
        Directory.CreateDirectory(DownloadsFolder);
        _steps = new FileStream(Path.Combine(folder, StepsFileName), FileMode.Append, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
    }

    /// <summary>The step log's file name; <see cref="RunStore"/> claims a run id by creating it.</summary>
    public const string StepsFileName = "steps.jsonl";

    public string Folder { get; }

    public string Id { get; }

    public string ShotsFolder => Path.Combine(Folder, "shots");

    public string DownloadsFolder => Path.Combine(Folder, "downloads");

    /// <summary>The last run.json written.</summary>
    public RunRecord? Run { get; private set; }

    public IReadOnlyList<StepRecord> Steps => _written;

    /// <summary>Rewrites run.json atomically (masked), after any queued rewrite has finished.</summary>
    public async Task WriteRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        run = WithOwnId(run);
        Task drain;
        lock (_queueLock)
        {
            Run = run;
            _queued = null;
            drain = _drain;
        }

        await drain.ConfigureAwait(false);
        await WriteRunFileAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rewrites run.json in the background, keeping only the newest of queued records (the loop does not wait on the
    /// disk between steps; steps.jsonl is still flushed synchronously). <see cref="WriteRunAsync"/> waits for it.
    /// </summary>
    public void QueueRunWrite(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run = WithOwnId(run);
        lock (_queueLock)
        {
            Run = run;
            _queued = run;
            if (!_draining)
            {
                _draining = true;
                _drain = Task.Run(DrainAsync);
            }
        }
    }

    /// <summary>The record under this folder's id (the store may have given the run a suffixed id when it claimed the folder).</summary>
    private RunRecord WithOwnId(RunRecord run) => run.Id == Id ? run : run with { Id = Id };

    private async Task DrainAsync()
    {
        while (true)
        {
            RunRecord? next;
            lock (_queueLock)
            {
                next = _queued;
                _queued = null;
                if (next is null)
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                await WriteRunFileAsync(next, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The next rewrite (at the latest the final one, which is awaited) tries again and reports a lasting failure.
            }
        }
    }

    private Task WriteRunFileAsync(RunRecord run, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(Folder, "run.json"), _masker.Apply(RunJson.SerializeRun(run)) + "\n", cancellationToken);

    /// <summary>Appends one masked line to steps.jsonl and flushes it.</summary>
    public async Task AppendStepAsync(StepRecord step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var line = Encoding.UTF8.GetBytes(_masker.Apply(RunJson.SerializeStep(step)) + "\n");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _steps.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await _steps.FlushAsync(cancellationToken).ConfigureAwait(false);
            _written.Add(step);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves a PNG as shots/NNN.png (or NNN.annotated.png) and returns its path relative to the run folder.</summary>
    public async Task<string> SaveShotAsync(int index, ReadOnlyMemory<byte> png, bool annotated = false, CancellationToken cancellationToken = default)
    {
        var name = ShotName(index, annotated);
        await using var file = new FileStream(Path.Combine(Folder, name), FileMode.Create, FileAccess.Write, FileShare.Read, 65536, useAsync: true);
        await file.WriteAsync(png, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Saves the crop of the element a step acted on as shots/NNN.element.png.</summary>
    public async Task<string> SaveCropAsync(int index, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"shots/{index:000}.element.png");
        await using var file = new FileStream(Path.Combine(Folder, name), FileMode.Create, FileAccess.Write, FileShare.Read, 65536, useAsync: true);
        await file.WriteAsync(png, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Saves the screen after a step that has no action of its own (a manual takeover) as shots/NNN.after.png.</summary>
    public async Task<string> SaveAfterShotAsync(int index, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"shots/{index:000}.after.png");
        await using var file = new FileStream(Path.Combine(Folder, name), FileMode.Create, FileAccess.Write, FileShare.Read, 65536, useAsync: true);
        await file.WriteAsync(png, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Saves the screen as the run ended as shots/final.png.</summary>
    public async Task<string> SaveFinalShotAsync(ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default)
    {
        const string name = "shots/final.png";
        await using var file = new FileStream(Path.Combine(Folder, name), FileMode.Create, FileAccess.Write, FileShare.Read, 65536, useAsync: true);
        await file.WriteAsync(png, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>"shots/007.png" or "shots/007.annotated.png".</summary>
    public static string ShotName(int index, bool annotated = false) =>
        string.Create(CultureInfo.InvariantCulture, $"shots/{index:000}{(annotated ? ".annotated" : "")}.png");

    /// <summary>Copies a downloaded file into downloads/ (unless it is there already); returns its path relative to the run folder.</summary>
    public string KeepDownload(string path)
    {
        var full = Path.GetFullPath(path);
        if (full.StartsWith(DownloadsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Path.GetRelativePath(Folder, full).Replace('\\', '/');
        }

        var target = Path.Combine(DownloadsFolder, Path.GetFileName(full));
        File.Copy(full, target, overwrite: true);
        return "downloads/" + Path.GetFileName(full);
    }

    /// <summary>Writes report.html from run.json and the steps written so far.</summary>
    public async Task<string> WriteReportAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Folder, "report.html");
        if (Run is { } run)
        {
            var html = _masker.Apply(ReportWriter.Render(run, _written))!;
            await AtomicFile.WriteAllTextAsync(path, html, cancellationToken).ConfigureAwait(false);
        }

        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _drain.ConfigureAwait(false);
        await _steps.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
