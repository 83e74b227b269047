namespace VisualAgent.Agent.Policy;

/// <summary>
/// --deny-risky, and the automatic choice when stdin is not a terminal: every risky step is refused at once (the run
/// ends blocked and says why); it never waits for input.
/// </summary>
public sealed class DenyRiskyPrompt : IConfirmationPrompt
{
    public string Name => "deny-risky";

    public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
