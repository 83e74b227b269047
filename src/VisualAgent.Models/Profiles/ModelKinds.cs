namespace VisualAgent.Models.Profiles;

/// <summary>What serves a profile: an OpenAI-compatible HTTP server, the offline OCR grounder, or the simulated server.</summary>
public static class ModelKinds
{
    /// <summary>An OpenAI-compatible chat-completions server (vLLM, llama-server, Ollama, a hosted API).</summary>
    public const string OpenAi = "openai";

    /// <summary>The offline OCR grounder: no model, no endpoint.</summary>
    public const string Ocr = "ocr";

    /// <summary>The simulated VLM server, started in-process (profiles named sim-&lt;dialect&gt;).</summary>
    public const string Simulated = "simulated";

    public static IReadOnlyList<string> All { get; } = [OpenAi, Ocr, Simulated];
}
