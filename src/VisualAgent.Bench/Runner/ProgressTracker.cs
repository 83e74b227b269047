namespace VisualAgent.Bench.Runner;

/// <summary>Counts finished samples of one model and reports progress with an ETA (at most every interval, and at the end).</summary>
internal sealed class ProgressTracker(
    string model, bool simulated, int resumed, int total, int pending, TimeProvider time, TimeSpan interval, IProgress<BenchProgress>? progress)
{
    private readonly long _started = time.GetTimestamp();
    private readonly Lock _lock = new();
    private int _done;
    private int _failed;
    private long _lastReport;

    public int RanNow => Volatile.Read(ref _done);

    public void Finished(bool ok)
    {
        Interlocked.Increment(ref _done);
        if (!ok)
        {
            Interlocked.Increment(ref _failed);
        }

        Report(false, null);
    }

    public void Report(bool final, string? message)
    {
        if (progress is null)
        {
            return;
        }

        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (!final && _lastReport != 0 && time.GetElapsedTime(_lastReport, now) < interval && _done < pending)
            {
                return;
            }

            _lastReport = now;
            var elapsed = time.GetElapsedTime(_started, now);
            var done = Volatile.Read(ref _done);
            TimeSpan? eta = done > 0 && done < pending ? elapsed / done * (pending - done) : null;
            progress.Report(new BenchProgress(model, resumed + done, total, Volatile.Read(ref _failed), elapsed, eta)
            {
                Simulated = simulated,
                Finished = final,
                Message = message,
            });
        }
    }
}
