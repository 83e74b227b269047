using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Grounding;
using VisualAgent.Simulator;

namespace VisualAgent.Bench.Tasks.Oracle;

/// <summary>
/// SIMULATION ONLY. Makes the simulated server ground like a competent model: before each call of the real
/// <paramref name="inner"/> grounder (a <c>ModelGrounder</c> on a sim-&lt;dialect&gt; profile) it finds the described
/// element through the driver (<see cref="PageTargetFinder"/>) and registers its box as the answer to exactly that call
/// (<see cref="SimulatedServer.RegisterScript"/>). The request, the dialect's grammar and coordinate space and the
/// parsing are real. Used for families that ground but cannot pick the next action (llava, minigpt-v2): the planner
/// then decides in words and this grounder places each target.
/// </summary>
internal sealed class SimulatedOracleGrounder(IGrounder inner, SimulatedServer server, IBrowserDriver driver) : IGrounder
{
    private int _unknown;

    public string Name => inner.Name;

    /// <summary>Instructions the page had no element for (the simulator then has no ground truth and says so).</summary>
    public int Unknown => Volatile.Read(ref _unknown);

    public async Task<GroundingResult> GroundAsync(GroundingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await PageTargetFinder.FindAsync(driver, request.Instruction, cancellationToken).ConfigureAwait(false);
        if (target is { Visible: true })
        {
            // Scripted (consumed by exactly this call) rather than a target keyed by text, which a later screen would reuse.
            var c = target.Box.Center;
            server.RegisterScript([new ClickAction(c.X, c.Y) { Box = target.Box.ToArray() }], request.Image.Size);
        }
        else
        {
            // Not on screen: a competent grounder says it is not there; the agent then scrolls to find it.
            Interlocked.Increment(ref _unknown);
            return GroundingResult.NotFound($"(simulated) \"{request.Instruction}\" is not on the screen");
        }

        return await inner.GroundAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
