using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using VisualAgent.Agent.Planning;
using VisualAgent.Errors;
using VisualAgent.Grounding;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.LlamaSharp;
using VisualAgent.Models.Profiles;
using VisualAgent.Planning;
using VisualAgent.Simulator;
using VisualAgent.Vision;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Hosting;

/// <summary>
/// What a model profile turns into, the one place the CLI, the benchmark and the task runner do it: the offline OCR
/// engine and grounder (profile kind "ocr"); a real OpenAI-compatible model (its dialect, client, caller, grounder and
/// planners), probed first when asked so an unserved model fails fast instead of after the client's retries; or, for
/// sim-&lt;dialect&gt; profiles, the same over the simulated server started in-process, whose every figure is labelled
/// simulated; or, for kind "llamasharp", a GGUF model loaded in this process behind the same client contract.
/// </summary>
public sealed class ModelStack : IAsyncDisposable
{
    private readonly bool _ownsOcr;
    private readonly bool _ownsSimulator;
    private readonly ModelCaller? _caller;

    private ModelStack(ModelProfile profile, IModelDialect? dialect, IChatClient? client, SimulatedServer? simulator, bool ownsSimulator, TesseractOcr? ocr, bool ownsOcr, ModelStackOptions options)
    {
        Profile = profile;
        Dialect = dialect;
        Client = client;
        Simulator = simulator;
        _ownsSimulator = ownsSimulator;
        Ocr = ocr;
        _ownsOcr = ownsOcr;
        PixelGrounder = ocr is null ? null : new OcrGrounder(ocr, options.OcrGrounderOptions, options.Loggers?.CreateLogger<OcrGrounder>());
        if (client is not null)
        {
            _caller = new ModelCaller(profile, dialect!, client, PngResizer.Resize);
            Grounder = new ModelGrounder(_caller);
        }
        else
        {
            Grounder = PixelGrounder ?? throw new InvalidOperationException("A model stack has a model client or an OCR engine.");
        }
    }

    /// <summary>The profile with the endpoint actually called (the simulator's for sim-* profiles).</summary>
    public ModelProfile Profile { get; }

    /// <summary>The profile's dialect; null for the "ocr" profile.</summary>
    public IModelDialect? Dialect { get; }

    /// <summary>The chat client; null for the "ocr" profile.</summary>
    public IChatClient? Client { get; }

    /// <summary>A caller over <see cref="Client"/> that sizes images with the Vision layer's resizer; null for "ocr".</summary>
    public ModelCaller? Caller => _caller;

    /// <summary>The simulated server behind a sim-* profile, else null.</summary>
    public SimulatedServer? Simulator { get; }

    /// <summary>The OCR engine: the "ocr" profile's, or the one given in <see cref="ModelStackOptions.Ocr"/>.</summary>
    public TesseractOcr? Ocr { get; }

    /// <summary>Places described targets: the model (a VLM profile) or the OCR grounder ("ocr").</summary>
    public IGrounder Grounder { get; }

    /// <summary>The OCR grounder over <see cref="Ocr"/> when there is an engine (a fallback for targets a model cannot see), else null.</summary>
    public IGrounder? PixelGrounder { get; }

    public bool Simulated => Profile.IsSimulated;

    /// <summary>The profile's price (Models:NAME:Price) for step and run costs and --max-cost; null when it has none.</summary>
    public TokenPrice? Price => Profile.Price is { } p ? new TokenPrice(p.PerMillionInput, p.PerMillionOutput, p.PerGpuHour) : null;

    public bool Offline => Profile.IsOcr;

    /// <summary>Readies <paramref name="profile"/> for calls. Throws <see cref="ModelUnavailableException"/> for an unreachable probed endpoint.</summary>
    public static async Task<ModelStack> OpenAsync(ModelProfile profile, ModelStackOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        options ??= new ModelStackOptions();
        if (profile.IsOcr)
        {
            var owns = options.Ocr is null;
            var ocr = options.Ocr ?? new TesseractOcr(options.OcrOptions);
            try
            {
                await ocr.EnsureAvailableAsync(cancellationToken).ConfigureAwait(false);
                return new ModelStack(profile, null, null, null, false, ocr, owns, options);
            }
            catch
            {
                if (owns)
                {
                    ocr.Dispose();
                }

                throw;
            }
        }

        var dialect = DialectRegistry.Get(profile.Dialect ?? throw new UsageException(
            $"Model profile '{profile.Name}' names no Dialect (one of {string.Join(", ", DialectRegistry.Ids)})."));
        var live = profile;
        var simulator = options.Simulator;
        var ownsSimulator = false;
        if (profile.IsSimulated)
        {
            ownsSimulator = simulator is null;
            simulator ??= await SimulatedServer.StartForProfileAsync(profile, cancellationToken).ConfigureAwait(false);
            live = profile.WithEndpoint(simulator.BaseUrl);
        }
        else if (profile.IsInProcess)
        {
            // Loaded once per process and shared (LlamaModels); this stack's client holds a lease released on dispose.
            LlamaNative.Configure(options.Loggers?.CreateLogger("VisualAgent.Models.LlamaSharp"), options.LlamaSharp);
            var local = await LlamaChatClient.OpenAsync(profile, options.Loggers?.CreateLogger("VisualAgent.Models.LlamaSharp"), cancellationToken).ConfigureAwait(false);
            return new ModelStack(profile, dialect, local, null, false, options.Ocr, false, options);
        }
        else if (options.ProbeTimeout is { } timeout
            && await EndpointProbe.CheckAsync(profile.Name, profile.GetEndpoints(), timeout, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            throw new ModelUnavailableException(problem);
        }

        try
        {
            return new ModelStack(live, dialect, ModelClientFactory.Create(live, options.ClientOptions), profile.IsSimulated ? simulator : null, ownsSimulator, options.Ocr, false, options);
        }
        catch
        {
            if (ownsSimulator)
            {
                await simulator!.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Keeps an in-process profile's model loaded until the returned hold is disposed, so stacks opened and closed one
    /// after another (a bench task each) reuse one load; null for every other kind.
    /// </summary>
    public static async Task<IDisposable?> KeepLoadedAsync(ModelProfile profile, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.IsInProcess)
        {
            return null;
        }

        var logger = loggers?.CreateLogger("VisualAgent.Models.LlamaSharp") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        return await LlamaModels.AcquireAsync(profile.Name, profile.InProcess, logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A planner that decides and grounds in one call (a new conversation per planner).</summary>
    public IPlanner CreatePlanner() =>
        new ModelPlanner(new VlmSession(_caller ?? throw new InvalidOperationException("The offline profile has no model planner.")), Profile.Name);

    /// <summary>The planner half of planner + grounder mode: the model says the next step in words.</summary>
    public IPlanner CreateWordsPlanner() =>
        new WordsPlanner(_caller ?? throw new InvalidOperationException("The offline profile has no model planner."));

    public async ValueTask DisposeAsync()
    {
        if (_ownsOcr)
        {
            Ocr?.Dispose();
        }

        Client?.Dispose();
        if (_ownsSimulator && Simulator is not null)
        {
            await Simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
