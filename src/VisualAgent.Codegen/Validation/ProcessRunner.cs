using System.Diagnostics;
using System.Text;

namespace VisualAgent.Codegen.Validation;

/// <summary>Runs a tool with a time bound and collects its output (stdout and stderr together, in order of arrival).</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut);

    /// <param name="onLine">Called with each line of output as it arrives (on a thread-pool thread).</param>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? env, TimeSpan timeout, CancellationToken cancellationToken, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
        {
            info.Environment[k] = v;
        }

        var output = new StringBuilder();
        var started = Stopwatch.GetTimestamp();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine?.Invoke(e.Data);
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(timedOut ? -1 : process.ExitCode, output.ToString(), Stopwatch.GetElapsedTime(started), timedOut);
        }
    }
}
