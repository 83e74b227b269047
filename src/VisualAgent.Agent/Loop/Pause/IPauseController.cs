namespace VisualAgent.Agent;

/// <summary>
/// Lets a person pause a run between steps (Ctrl-C at a terminal) and choose to resume, take over by hand, or stop.
/// The loop polls <see cref="PauseRequested"/> before each step; cancelling the token passed to the asks (a second
/// Ctrl-C) stops the run.
/// </summary>
public interface IPauseController
{
    /// <summary>True when a pause was asked for and not yet handled.</summary>
    bool PauseRequested { get; }

    /// <summary>Asks what to do now; handles the pending request.</summary>
    Task<PauseChoice> AskAsync(CancellationToken cancellationToken = default);

    /// <summary>After <see cref="PauseChoice.TakeOver"/>: returns when the person is done acting by hand.</summary>
    Task WaitForTakeOverAsync(CancellationToken cancellationToken = default);
}
