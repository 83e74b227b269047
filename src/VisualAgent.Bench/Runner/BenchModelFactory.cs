using VisualAgent.Errors;
using VisualAgent.Models.Profiles;
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

        ModelConnection connection;
        try
        {
            connection = await ModelConnection.OpenAsync(profile, options.ClientOptions, options.ProbeTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ModelUnavailableException ex)
        {
            throw new ModelStoppedException(ex.Message + " The other models go on.", ex);
        }

        if (connection.Simulator is { } simulator)
        {
            options.ConfigureSimulator?.Invoke(profile.Name, simulator);
        }

        // The bench model owns the client and the simulator from here on.
        return new VlmBenchModel(connection.Profile, connection.Dialect, connection.Client, options.Images, connection.Simulator);
    }
}
