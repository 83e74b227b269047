namespace VisualAgent.Agent.Policy;

/// <summary>What the policy says about a step.</summary>
public enum PolicyVerdict
{
    Allow,
    NeedsConfirmation,
    Deny,
}

/// <summary>The policy's answer for one step, with the reason a person would need to decide.</summary>
public sealed record PolicyDecision(PolicyVerdict Verdict, string? Reason = null)
{
    public static PolicyDecision Allowed { get; } = new(PolicyVerdict.Allow);

    public static PolicyDecision Confirm(string reason) => new(PolicyVerdict.NeedsConfirmation, reason);

    public static PolicyDecision Deny(string reason) => new(PolicyVerdict.Deny, reason);
}
