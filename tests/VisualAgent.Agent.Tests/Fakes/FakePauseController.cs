using VisualAgent.Agent;

namespace VisualAgent.Tests.Fakes;

/// <summary>A pause controller whose person answers from a queue; tests raise <see cref="PauseRequested"/> themselves.</summary>
internal sealed class FakePauseController : IPauseController
{
    public bool PauseRequested { get; set; }

    public Queue<PauseChoice> Choices { get; } = new();

    public int Asked { get; private set; }

    /// <summary>What the person does by hand during a takeover.</summary>
    public Action TakeOver { get; set; } = () => { };

    /// <summary>When set, AskAsync waits for the token (a second Ctrl-C) instead of answering.</summary>
    public bool Hang { get; set; }

    public async Task<PauseChoice> AskAsync(CancellationToken cancellationToken = default)
    {
        Asked++;
        PauseRequested = false;
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Choices.Dequeue();
    }

    public Task WaitForTakeOverAsync(CancellationToken cancellationToken = default)
    {
        TakeOver();
        return Task.CompletedTask;
    }
}
