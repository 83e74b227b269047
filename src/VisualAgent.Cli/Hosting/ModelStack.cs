using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Grounding;
using VisualAgent.Models.Planning;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Vision;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Cli.Hosting;

/// <summary>
/// What a model profile name turns into: the offline OCR grounder (profile kind "ocr"), a real OpenAI-compatible model,
/// or (profiles sim-DIALECT) the simulated server started in-process — whose every figure is labelled simulated.
/// </summary>
internal sealed class ModelStack : IAsyncDisposable
{
    private ModelStack(ModelProfile profile)
    {
        Profile = profile;
    }

    public ModelProfile Profile { get; }

    public IGrounder Grounder { get; private set; } = null!;

    public ModelCaller? Caller { get; private set; }

    public SimulatedServer? Simulator { get; private set; }

    public TesseractOcr? Ocr { get; private set; }

    public bool Simulated => Profile.IsSimulated;

    public bool Offline => Profile.IsOcr;

    public static async Task<ModelStack> CreateAsync(VerbContext context, string profileName, CancellationToken ct)
    {
        var profiles = ModelProfiles.FromConfiguration(context.Configuration);
        var profile = profiles.Get(profileName);
        var stack = new ModelStack(profile);
        try
        {
            if (profile.IsOcr)
            {
                stack.Ocr = CreateOcr(context.Configuration);
                await stack.Ocr.EnsureAvailableAsync(ct).ConfigureAwait(false);
                var grounderOptions = context.Configuration.GetSection("Ocr:Grounder").Get<OcrGrounderOptions>() ?? new OcrGrounderOptions();
                stack.Grounder = new OcrGrounder(stack.Ocr, grounderOptions, context.Loggers.CreateLogger<OcrGrounder>());
                return stack;
            }

            var dialect = DialectRegistry.Get(profile.Dialect ?? throw new Errors.UsageException($"Model profile '{profile.Name}' names no Dialect (one of {string.Join(", ", DialectRegistry.Ids)})."));
            var live = profile;
            if (profile.IsSimulated)
            {
                stack.Simulator = new SimulatedServer(dialect);
                await stack.Simulator.StartAsync(ct).ConfigureAwait(false);
                live = profile.WithEndpoint(stack.Simulator.BaseUrl);
            }

            else if (await Bench.Runner.EndpointProbe.CheckAsync(profile.Name, profile.GetEndpoints(), TimeSpan.FromSeconds(3), ct).ConfigureAwait(false) is { } unreachable)
            {
                // Fail before the browser starts, with the model's exit code, rather than after the client's retries.
                throw new Errors.ModelUnavailableException(unreachable.Replace("; the other models go on", "", StringComparison.Ordinal));
            }

            var client = ModelClientFactory.Create(live, new ModelClientOptions { Logger = context.Loggers.CreateLogger("VisualAgent.Models.Client") });
            stack.Caller = new ModelCaller(live, dialect, client, Resize);
            stack.Grounder = new ModelGrounder(stack.Caller);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static TesseractOcr CreateOcr(IConfiguration configuration) =>
        new(configuration.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions());

    /// <summary>A planner that decides and grounds in one call (a new conversation per run).</summary>
    public ModelPlanner CreatePlanner() =>
        new(new VlmSession(Caller ?? throw new InvalidOperationException("The offline profile has no model planner.")), Profile.Name);

    /// <summary>Resizes PNG bytes to exactly <paramref name="size"/> (the Vision layer's resizer).</summary>
    public static byte[] Resize(ReadOnlyMemory<byte> png, PixelSize size) => PngResizer.Resize(png, size);

    public async ValueTask DisposeAsync()
    {
        Ocr?.Dispose();
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
