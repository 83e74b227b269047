namespace VisualAgent.Agent;

/// <summary>What to run: the goal as given (secrets still {{secret:NAME}}), where to start and how to label the run.</summary>
public sealed record RunRequest
{
    public required string Goal { get; init; }

    /// <summary>Opened before the first step, and the run's start origin for the policy; null when the steps open a page.</summary>
    public string? StartUrl { get; init; }

    /// <summary>
    /// The caller has already opened <see cref="StartUrl"/> (the bench loads each task's page itself): the run records it
    /// as where it started (replay and codegen open it) and does not open it again.
    /// </summary>
    public bool StartUrlOpened { get; init; }

    /// <summary>The model profile name for run.json ("offline" for OCR + offline steps).</summary>
    public string Model { get; init; } = "offline";

    public string Driver { get; init; } = "web";

    public bool Simulated { get; init; }

    /// <summary>
    /// Ground described targets through the screen's elements (the "offline" profile: accessibility tree + DOM), with
    /// pixels only where the elements are silent; false grounds in pixels only (the "ocr" profile, or a model).
    /// </summary>
    public bool GroundThroughElements { get; init; }

    /// <summary>The model profile's price, for the cost of each step and of the run (and --max-cost); null = unknown.</summary>
    public Grounding.TokenPrice? Price { get; init; }

    /// <summary>Settings to record in run.json (never secrets).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
