namespace VisualAgent.Models.Profiles;

/// <summary>What serves a profile: an OpenAI-compatible HTTP server, the offline OCR grounder, or the simulated server.</summary>
public static class ModelKinds
{
    /// <summary>An OpenAI-compatible chat-completions server (vLLM, llama-server, Ollama, a hosted API).</summary>
    public const string OpenAi = "openai";

    /// <summary>The offline OCR grounder: no model, no endpoint.</summary>
    public const string Ocr = "ocr";

    /// <summary>
    /// The offline default: no model; web targets are grounded through the page's elements (accessibility tree + DOM),
    /// pixels (the OCR grounder) only where the page is pixels (canvas, images, unreadable frames).
    /// </summary>
    public const string Offline = "offline";

    /// <summary>The simulated VLM server, started in-process (profiles named sim-&lt;dialect&gt;).</summary>
    public const string Simulated = "simulated";

    public static IReadOnlyList<string> All { get; } = [OpenAi, Ocr, Offline, Simulated];
}
