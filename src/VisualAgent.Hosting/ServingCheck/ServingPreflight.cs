using VisualAgent.Errors;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Models.Serving;

namespace VisualAgent.Hosting.ServingCheck;

/// <summary>
/// The serving self-check made before a bench run (`bench run`, and a bench started from the web UI) for each real
/// vision-language model profile: a misconfigured server would only score low, silently, so the caller stops there with
/// what to set. An unreachable endpoint is left to the bench, which reports it; a server that fails the check's calls
/// is reported as not checked. Offline and OCR profiles have nothing to check; simulated ones answer the way the profile
/// reads by construction; a family without coordinates (BLIP-2) cannot be checked.
/// </summary>
public static class ServingPreflight
{
    /// <summary>
    /// Checks each profile of <paramref name="models"/> that is served: <paramref name="open"/> opens its stack (owned by
    /// the caller when <paramref name="ownsStacks"/> is false), <paramref name="starting"/> is told before each check runs.
    /// </summary>
    public static async Task<IReadOnlyList<ServingPreflightResult>> RunAsync(
        IReadOnlyList<string> models,
        ModelProfiles profiles,
        Func<string, CancellationToken, Task<ModelStack>> open,
        bool ownsStacks,
        Action<string>? starting = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(open);
        var results = new List<ServingPreflightResult>();
        foreach (var name in models)
        {
            if (!profiles.TryGet(name, out var profile) || profile.IsOcr || profile.IsSimulated || profile.GroundsThroughElements || profile.Dialect is null)
            {
                results.Add(new ServingPreflightResult(name) { Skipped = "not a served vision-language model: nothing to check" });
                continue;
            }

            ModelStack stack;
            try
            {
                stack = await open(name, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelUnavailableException ex)
            {
                results.Add(new ServingPreflightResult(name) { Skipped = $"its endpoint does not answer ({ex.Message}); the bench reports it" });
                continue;
            }

            try
            {
                if (stack.Dialect?.Abilities.HasFlag(DialectAbilities.Ground) != true)
                {
                    results.Add(new ServingPreflightResult(name) { Skipped = "its family answers without coordinates: nothing to check" });
                    continue;
                }

                starting?.Invoke(name);
                try
                {
                    results.Add(new ServingPreflightResult(name) { Report = await ServingSelfCheck.RunAsync(stack, cancellationToken).ConfigureAwait(false) });
                }
                catch (VisualAgentException ex)
                {
                    // A server that fails calls (rate limits, errors) is the bench's to report per sample, not a reason to stop here.
                    results.Add(new ServingPreflightResult(name) { Error = ex.Message });
                }
            }
            finally
            {
                if (ownsStacks)
                {
                    await stack.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return results;
    }
}

/// <summary>One profile's part of <see cref="ServingPreflight"/>: its report, why it was skipped, or why the check could not run.</summary>
public sealed record ServingPreflightResult(string Profile)
{
    public ServingCheckReport? Report { get; init; }

    public string? Skipped { get; init; }

    public string? Error { get; init; }

    /// <summary>The check found the server misconfigured: the bench must not start (unless the user skips the check).</summary>
    public bool Stops => Report?.Diagnosis.Verdict == ServingVerdict.Misconfigured;
}
