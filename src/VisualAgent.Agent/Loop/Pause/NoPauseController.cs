namespace VisualAgent.Agent;

/// <summary>Never pauses: with no terminal, Ctrl-C (the run's token) stops the run at once.</summary>
public sealed class NoPauseController : IPauseController
{
    public static NoPauseController Instance { get; } = new();

    public bool PauseRequested => false;

    public Task<PauseChoice> AskAsync(CancellationToken cancellationToken = default) => Task.FromResult(PauseChoice.Resume);

    public Task WaitForTakeOverAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
