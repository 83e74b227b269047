namespace VisualAgent.Agent;

/// <summary>
/// The terminal's pause: the first Ctrl-C (<see cref="OnInterrupt"/>) asks for a pause after the current step, which
/// then asks "[r]esume / [t]ake over / [s]top"; a Ctrl-C while a pause is pending or open means stop.
/// </summary>
public sealed class ConsolePauseController(TextReader input, TextWriter output) : IPauseController
{
    private readonly Lock _gate = new();
    private bool _requested;
    private bool _paused;

    public bool PauseRequested
    {
        get
        {
            lock (_gate)
            {
                return _requested;
            }
        }
    }

    /// <summary>Called on Ctrl-C: true when this press pauses the run (keep the process), false when it should stop it.</summary>
    public bool OnInterrupt()
    {
        lock (_gate)
        {
            if (_requested || _paused)
            {
                return false;
            }

            _requested = true;
        }

        output.WriteLine();
        output.WriteLine("Pausing after the current step... (Ctrl-C again stops the run)");
        output.Flush();
        return true;
    }

    public async Task<PauseChoice> AskAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            (_requested, _paused) = (false, true);
        }

        while (true)
        {
            await output.WriteAsync("Paused. [r]esume, [t]ake over in the browser, or [s]top? ".AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            var choice = answer?.Trim().ToLowerInvariant() switch
            {
                null or "s" or "stop" => PauseChoice.Stop,
                "r" or "resume" or "" => PauseChoice.Resume,
                "t" or "take over" or "takeover" => PauseChoice.TakeOver,
                _ => (PauseChoice?)null,
            };
            if (choice is { } c)
            {
                if (c != PauseChoice.TakeOver)
                {
                    Unpause();
                }

                return c;
            }
        }
    }

    public async Task WaitForTakeOverAsync(CancellationToken cancellationToken = default)
    {
        await output.WriteAsync("Act in the browser window; press Enter here when done to resume. ".AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        Unpause();
    }

    /// <summary>A console read does not observe cancellation itself: stop waiting for it when the token fires.</summary>
    private Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        input.ReadLineAsync(cancellationToken).AsTask().WaitAsync(cancellationToken);

    private void Unpause()
    {
        lock (_gate)
        {
            _paused = false;
        }
    }
}
