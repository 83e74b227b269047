namespace VisualAgent.Models.Profiles;

/// <summary>What serves a profile; configuration writes it as the names of <see cref="ModelKinds"/>.</summary>
public enum ModelKind
{
    /// <summary>An OpenAI-compatible chat-completions server (vLLM, llama-server, Ollama, a hosted API).</summary>
    OpenAi,

    /// <summary>The offline OCR grounder: no model, no endpoint.</summary>
    Ocr,

    /// <summary>The offline default: the page's elements first (web), the OCR grounder where they are silent.</summary>
    Offline,

    /// <summary>The simulated VLM server, started in-process (profiles named sim-&lt;dialect&gt;).</summary>
    Simulated,

    /// <summary>A GGUF model (and its mmproj) loaded in-process through LLamaSharp: no server.</summary>
    LlamaSharp,
}
