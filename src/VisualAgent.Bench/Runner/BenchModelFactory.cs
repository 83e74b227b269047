using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// Turns a model profile into an <see cref="IBenchModel"/> (as the CLI's ModelStack does for one model): the
/// offline OCR engine for kind "ocr", the in-process simulated server for sim-&lt;dialect&gt;, a real endpoint
/// otherwise — checked for reachability first, so an unserved model fails fast.
/// </summary>
public static class BenchModelFactory
{
    /// <summary>Throws <see cref="ModelStoppedException"/> when a real endpoint is unreachable.</summary>
    public static async Task<IBenchModel> CreateAsync(ModelProfile profile, BenchModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        profile.Validate();
        if (profile.IsOcr)
        {
            var owns = options.Ocr is null;
            var ocr = options.Ocr ?? new TesseractOcr(options.OcrOptions);
            await ocr.EnsureAvailableAsync(cancellationToken).ConfigureAwait(false);
            return new OcrBenchModel(profile, ocr, options.GrounderOptions ?? new OcrGrounderOptions(), options.Images, owns);
        }

        var dialect = DialectRegistry.Get(profile.Dialect!);
        SimulatedServer? simulator = null;
        var live = profile;
        if (profile.IsSimulated)
        {
            simulator = await SimulatedServer.StartForProfileAsync(profile, cancellationToken).ConfigureAwait(false);
            options.ConfigureSimulator?.Invoke(profile.Name, simulator);
            live = profile.WithEndpoint(simulator.BaseUrl);
        }
        else if (await EndpointProbe.CheckAsync(profile.Name, profile.GetEndpoints(), options.ProbeTimeout, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            throw new ModelStoppedException(problem);
        }

        try
        {
            var client = ModelClientFactory.Create(live, options.ClientOptions);
            return new VlmBenchModel(live, dialect, client, options.Images, simulator);
        }
        catch
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }
}
