namespace VisualAgent.Agent.Policy;

/// <summary>--yes: every risky step goes ahead without asking (the policy's Deny verdicts still hold).</summary>
public sealed class AlwaysYesPrompt : IConfirmationPrompt
{
    public string Name => "yes";

    public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken = default) => Task.FromResult(true);
}
