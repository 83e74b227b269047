using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Contestants;

/// <summary>
/// Turns a model profile into an <see cref="IBenchModel"/> over the profile's <see cref="ModelStack"/>: the offline
/// OCR engine for kind "ocr", the in-process simulated server for sim-&lt;dialect&gt;, a real endpoint otherwise —
/// checked for reachability first, so an unserved model fails fast.
/// </summary>
internal static class BenchModelFactory
{
    /// <summary>Throws <see cref="ModelStoppedException"/> when a real endpoint is unreachable.</summary>
    public static async Task<IBenchModel> CreateAsync(ModelProfile profile, BenchModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        profile.Validate();
        var stackOptions = new ModelStackOptions
        {
            ClientOptions = options.ClientOptions,
            ProbeTimeout = options.ProbeTimeout,
            Ocr = options.Ocr,
            OcrOptions = options.OcrOptions,
            OcrGrounderOptions = options.GrounderOptions,
        };
        ModelStack stack;
        try
        {
            stack = await ModelStack.OpenAsync(profile, stackOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelUnavailableException ex)
        {
            throw new ModelStoppedException(ex.Message + " The other models go on.", ex);
        }

        if (stack.Offline)
        {
            return new OcrBenchModel(stack, options.Images);
        }

        if (stack.Simulator is { } simulator)
        {
            options.ConfigureSimulator?.Invoke(profile.Name, simulator);
        }

        // The bench model owns the stack (client and simulator) from here on.
        return new VlmBenchModel(stack, options.Images);
    }
}
