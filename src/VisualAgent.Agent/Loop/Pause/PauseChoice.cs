namespace VisualAgent.Agent;

/// <summary>What a person chose when the run paused between steps.</summary>
public enum PauseChoice
{
    /// <summary>Go on with the next step.</summary>
    Resume,

    /// <summary>The person acts in the browser by hand, then the run goes on (recorded as a "manual takeover" step).</summary>
    TakeOver,

    /// <summary>End the run as failed, reason "interrupted".</summary>
    Stop,
}
