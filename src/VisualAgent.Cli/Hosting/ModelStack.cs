using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Bench.Runner;
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
    private ModelConnection? _connection;

    private ModelStack(ModelProfile profile)
    {
        Profile = profile;
    }

    public ModelProfile Profile { get; }

    public IGrounder Grounder { get; private set; } = null!;

    public ModelCaller? Caller { get; private set; }

    public SimulatedServer? Simulator => _connection?.Simulator;

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

            // A real endpoint is probed first: fail before the browser starts, with the model's exit code.
            stack._connection = await ModelConnection.OpenAsync(
                profile,
                new ModelClientOptions { Logger = context.Loggers.CreateLogger("VisualAgent.Models.Client") },
                probeTimeout: TimeSpan.FromSeconds(3),
                cancellationToken: ct).ConfigureAwait(false);
            stack.Caller = stack._connection.CreateCaller();
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

    public async ValueTask DisposeAsync()
    {
        Ocr?.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
