using VisualAgent.Models.Dialects;

namespace VisualAgent.Models.Profiles;

/// <summary>
/// One named model profile, bound from configuration <c>Models:&lt;name&gt;</c> (appsettings.json, then environment
/// variables VISUALAGENT__Models__NAME__Key).
/// Holds where the model is served, which dialect it speaks, its image budget and sampling. It never holds an API
/// key: <see cref="ApiKeyEnv"/> names the environment variable that does.
/// </summary>
public sealed class ModelProfile
{
    /// <summary>The dialect ids (one per model family, <see cref="DialectRegistry.Ids"/>).</summary>
    public static IReadOnlyList<string> KnownDialects => DialectRegistry.Ids;

    /// <summary>The profile's name (the configuration key); set by <see cref="ModelProfiles"/>.</summary>
    public string Name { get; set; } = "";

    /// <summary>"openai" (default), "ocr", "offline", "simulated" or "llamasharp" (<see cref="ModelKinds"/>).</summary>
    public string Kind { get; set; } = ModelKinds.OpenAi;

    /// <summary>Base URL of an OpenAI-compatible server, ending in /v1 (e.g. http://127.0.0.1:8000/v1).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Replicas serving the same model; requests go to the one with the fewest outstanding requests.</summary>
    public List<string> Endpoints { get; set; } = [];

    /// <summary>The model id the server knows (e.g. Qwen/Qwen3-VL-8B-Instruct, qwen3-vl:8b).</summary>
    public string? Model { get; set; }

    /// <summary>The dialect id (<see cref="KnownDialects"/>).</summary>
    public string? Dialect { get; set; }

    /// <summary>Name of the environment variable holding the API key; null for local servers (no key sent).</summary>
    public string? ApiKeyEnv { get; set; }

    /// <summary>Image budget lower bound in pixels; null = the dialect's default.</summary>
    public long? MinPixels { get; set; }

    /// <summary>Image budget upper bound in pixels; null = the dialect's default.</summary>
    public long? MaxPixels { get; set; }

    public SamplingOptions Sampling { get; set; } = new();

    /// <summary>Seconds one request may take (first byte to last); default 120.</summary>
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Stream replies (server-sent events) so time to first token is measured; null (default) = the client's default, which
    /// streams. Set false for a server whose streaming misbehaves or that answers streaming requests with one JSON body.
    /// </summary>
    public bool? Stream { get; set; }

    /// <summary>
    /// The largest reply body read, in bytes (default 1 MiB); a longer one is cut off while it arrives and the call fails
    /// as ReplyTooLarge (a chat reply is a few kilobytes).
    /// </summary>
    public long MaxReplyBytes { get; set; } = DefaultMaxReplyBytes;

    /// <summary>The longest wait a model's reply may ask for, in seconds (default 30); longer waits are cut to this.</summary>
    public double MaxWaitSeconds { get; set; } = DefaultMaxWaitSeconds;

    public const long DefaultMaxReplyBytes = 1024 * 1024;

    public const double DefaultMaxWaitSeconds = 30;

    /// <summary>Requests in flight at once to this profile (all replicas together); default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Qwen3-VL grid divisor: 1000 (grounding cookbook, default) or 999 (mobile-agent cookbook).</summary>
    public double Divisor { get; set; } = 1000;

    /// <summary>LLaVA: boxes normalised to the padded square (default true) rather than the original image.</summary>
    public bool PadToSquare { get; set; } = true;

    public ModelPrice? Price { get; set; }

    /// <summary>Kind "llamasharp": the in-process model's settings (GGUF path, mmproj, GPU layers, context, threads).</summary>
    public InProcessModelOptions InProcess { get; set; } = new();

    /// <summary><see cref="Kind"/> as a value; null when it names no kind (the validator says so).</summary>
    public ModelKind? ParsedKind => ModelKinds.TryParse(Kind, out var kind) ? kind : null;

    public bool IsSimulated => ParsedKind == ModelKind.Simulated;

    /// <summary>Kind "llamasharp": the model runs in this process (no endpoint).</summary>
    public bool IsInProcess => ParsedKind == ModelKind.LlamaSharp;

    /// <summary>No model: the OCR grounder places targets (kinds "ocr" and "offline").</summary>
    public bool IsOcr => ParsedKind is ModelKind.Ocr or ModelKind.Offline;

    /// <summary>Kind "offline": web targets are grounded through the page's elements first, pixels where they are silent.</summary>
    public bool GroundsThroughElements => ParsedKind == ModelKind.Offline;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>All replica base URLs: <see cref="Endpoint"/> first, then <see cref="Endpoints"/>, without duplicates.</summary>
    public IReadOnlyList<Uri> GetEndpoints()
    {
        var list = new List<Uri>();
        foreach (var text in new[] { Endpoint }.Concat(Endpoints))
        {
            if (!string.IsNullOrWhiteSpace(text) && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && !list.Contains(uri))
            {
                list.Add(uri);
            }
        }

        return list;
    }

    /// <summary>The budget images are sent at: the dialect's default with this profile's min/max pixels where set.</summary>
    public ImageBudget ResolveBudget(ImageBudget dialectDefault) =>
        dialectDefault with { MinPixels = MinPixels ?? dialectDefault.MinPixels, MaxPixels = MaxPixels ?? dialectDefault.MaxPixels };

    /// <summary>How replies of this profile are read: the sizes plus its divisor and padding setting.</summary>
    public ReplyContext ReplyContextFor(Geometry.PixelSize original, Geometry.PixelSize sent) =>
        new(original, sent) { Divisor = Divisor, PadToSquare = PadToSquare };

    /// <summary>A copy served at <paramref name="endpoint"/> (how a sim-&lt;dialect&gt; profile is pointed at the started simulator).</summary>
    public ModelProfile WithEndpoint(string endpoint)
    {
        var copy = Clone();
        copy.Endpoint = endpoint;
        copy.Endpoints = [];
        return copy;
    }

    public ModelProfile Clone()
    {
        var copy = (ModelProfile)MemberwiseClone();
        copy.Endpoints = [.. Endpoints];
        copy.Sampling = Sampling.Clone();
        copy.InProcess = InProcess.Clone();
        return copy;
    }

    /// <summary>Throws a UsageException naming the profile and every problem found.</summary>
    public void Validate() => ModelProfileValidator.ThrowIfInvalid(this);
}
