namespace VisualAgent.Agent.Policy;

/// <summary>Asks a person whether a step the policy finds risky may go ahead.</summary>
public interface IConfirmationPrompt
{
    /// <summary>"console", "yes" or "deny-risky", for run.json and reports.</summary>
    string Name { get; }

    /// <summary>True to go ahead. Implementations that cannot ask answer false at once, never wait.</summary>
    Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken = default);
}
