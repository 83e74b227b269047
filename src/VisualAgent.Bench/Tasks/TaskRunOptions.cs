using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Drivers.Web;
using VisualAgent.Models.Profiles;
using VisualAgent.Simulator;
using VisualAgent.Vision.Grounding;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Bench.Tasks;

/// <summary>How <see cref="BenchTaskRunner"/> runs a task: the shared browser, the model profile, where runs go.</summary>
internal sealed record TaskRunOptions
{
    /// <summary>The browser every task opens a fresh context on (the caller owns it).</summary>
    public required PlaywrightBrowser Browser { get; init; }

    /// <summary>Profile name: "ocr" (offline: the instruction must be in the offline step grammar), "sim-&lt;dialect&gt;", or a configured profile.</summary>
    public required string Model { get; init; }

    /// <summary>Folder the run folders go into (a RunStore root).</summary>
    public required string RunsFolder { get; init; }

    /// <summary>Base URL of the samples server (for {{samples}} urls), with or without a trailing slash.</summary>
    public string? SamplesBaseUrl { get; init; }

    /// <summary>The bench's static server for suites of local files; null = a file: page is opened as a file.</summary>
    public LocalPages? LocalPages { get; init; }

    /// <summary>What the agent is given: each task's instruction (default) or its solution steps (a task without one is not run).</summary>
    public TaskInstructions Instructions { get; init; } = TaskInstructions.Instruction;

    /// <summary>Configured profiles (real models); sim-&lt;dialect&gt; and "ocr" resolve without them.</summary>
    public ModelProfiles? Profiles { get; init; }

    /// <summary>The OCR engine for the ocr model (and the simulated oracle's fallback for canvas-painted targets); the caller owns it.</summary>
    public TesseractOcr? Ocr { get; init; }

    public OcrGrounderOptions? OcrGrounder { get; init; }

    /// <summary>Loop bounds; a task's max_steps and timeout_s override MaxSteps and MaxWallTime.</summary>
    public AgentOptions? Agent { get; init; }

    /// <summary>Safety policy; the task's own origin is added to the allowed origins.</summary>
    public PolicyOptions? Policy { get; init; }

    /// <summary>
    /// Answers risky steps for every task; null (the default) = per task: allowed when the task says allow_risky (its
    /// author vouches for it: typing the sample password, uploading the sample file), denied otherwise, as in a run with
    /// no terminal. Origins are enforced either way.
    /// </summary>
    public IConfirmationPrompt? Prompt { get; init; }

    /// <summary>
    /// A simulator the caller started for a sim-&lt;dialect&gt; profile (same dialect) and owns, e.g. to read its
    /// Requests; null = the runner starts one per task.
    /// </summary>
    public SimulatedServer? Simulator { get; init; }

    /// <summary>Folders where a relative upload file is looked for, after the suite's folder and its ../files.</summary>
    public IReadOnlyList<string> FileFolders { get; init; } = [];

    /// <summary>Bound on a task with no timeout_s (default 120 s).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
