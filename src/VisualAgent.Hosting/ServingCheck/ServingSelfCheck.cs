using VisualAgent.Errors;
using VisualAgent.Grounding;
using VisualAgent.Models.Serving;

namespace VisualAgent.Hosting.ServingCheck;

/// <summary>What one self-check did: the diagnosis, each target's answer, and whether the server was simulated.</summary>
public sealed record ServingCheckReport(string Profile, bool Simulated, ServingDiagnosis Diagnosis, IReadOnlyList<GoldenObservation> Observations, TimeSpan Duration);

/// <summary>
/// The serving self-check (`doctor --check-model P`, and before a bench run): the profile grounds the golden targets
/// and <see cref="ServingFit"/> looks for a systematic error that a known serving mistake explains. For a sim-* profile
/// the simulated server is given the golden answers first (it knows nothing else), and the report says simulated.
/// </summary>
public static class ServingSelfCheck
{
    /// <summary>Golden targets grounded at the same time.</summary>
    public const int Parallelism = 4;

    public static async Task<ServingCheckReport> RunAsync(ModelStack stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (stack.Offline || stack.Dialect is null)
        {
            throw new UsageException($"'{stack.Profile.Name}' is not a vision-language model profile: the serving self-check is for models served over HTTP (there is nothing to check for ocr or offline).");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var screens = GoldenScreens.Create();
        if (stack.Simulator is { } simulator)
        {
            foreach (var screen in screens)
            {
                foreach (var target in screen.Targets)
                {
                    simulator.RegisterTarget(target.Instruction, target.Box, screen.Image.Size);
                }
            }
        }

        // A few calls at a time (the profile's own Concurrency still bounds what reaches the server), in a stable order.
        var work = screens.SelectMany(screen => screen.Targets.Select(target => (screen, target))).ToList();
        var observations = new GoldenObservation[work.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (screen, target) = work[i];
            var result = await stack.Grounder.GroundAsync(new GroundingRequest(screen.Image, target.Instruction), ct).ConfigureAwait(false);
            observations[i] = new GoldenObservation(screen.Image.Size, result.SentSize ?? screen.Image.Size, target.Box.Center, result.Found ? result.Point : null) { Target = target.Instruction };
        }).ConfigureAwait(false);

        var profile = stack.Profile;
        var space = ServingSpace.Of(stack.Dialect.Id, profile.Divisor, profile.PadToSquare);
        return new ServingCheckReport(profile.Name, stack.Simulated, ServingFit.Diagnose(space, observations, profile.Name, stack.Dialect.Id), observations, started.Elapsed);
    }
}
