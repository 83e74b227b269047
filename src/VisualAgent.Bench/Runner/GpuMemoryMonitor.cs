using System.Diagnostics;
using System.Globalization;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// Samples used GPU memory (all GPUs summed) with nvidia-smi every 500 ms while a model runs and keeps the peak.
/// Where nvidia-smi does not exist (no NVIDIA GPU, as on the build machines) the peak is null: reported "n/a".
/// It measures the whole GPU, so it means the served model's memory only when the GPU serves nothing else.
/// </summary>
internal sealed class GpuMemoryMonitor : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _lock = new();
    private double? _peakMib;

    private GpuMemoryMonitor(string? executable, TimeSpan interval)
    {
        _loop = executable is null ? Task.CompletedTask : Task.Run(() => LoopAsync(executable, interval, _stop.Token));
    }

    /// <summary>The highest used memory seen, in MiB; null when nvidia-smi is not available.</summary>
    public double? PeakMib
    {
        get
        {
            lock (_lock)
            {
                return _peakMib;
            }
        }
    }

    public static GpuMemoryMonitor Start(TimeSpan? interval = null) => new(Find(), interval ?? TimeSpan.FromMilliseconds(500));

    /// <summary>The nvidia-smi on PATH, or null.</summary>
    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "nvidia-smi", "nvidia-smi.exe" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Stops sampling; returns the peak (null = n/a).</summary>
    public async Task<double?> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        return PeakMib;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync(string executable, TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                if (await SampleAsync(executable, ct).ConfigureAwait(false) is { } used)
                {
                    lock (_lock)
                    {
                        _peakMib = Math.Max(_peakMib ?? 0, used);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<double?> SampleAsync(string executable, CancellationToken ct)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(executable, "--query-gpu=memory.used --format=csv,noheader,nounits")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
            var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
                .OfType<double>()
                .ToList();
            return values.Count > 0 ? values.Sum() : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
