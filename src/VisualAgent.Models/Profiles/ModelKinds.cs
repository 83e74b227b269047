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

    /// <summary>A GGUF model and its mmproj loaded in-process through LLamaSharp (ModelPath, MmprojPath): no server.</summary>
    public const string LlamaSharp = "llamasharp";

    public static IReadOnlyList<string> All { get; } = [OpenAi, Ocr, Offline, Simulated, LlamaSharp];

    /// <summary>The kind a configuration name stands for, case-insensitive; false for a name that is none.</summary>
    public static bool TryParse(string? name, out ModelKind kind)
    {
        kind = default;
        if (string.Equals(name, OpenAi, StringComparison.OrdinalIgnoreCase))
        {
            kind = ModelKind.OpenAi;
        }
        else if (string.Equals(name, Ocr, StringComparison.OrdinalIgnoreCase))
        {
            kind = ModelKind.Ocr;
        }
        else if (string.Equals(name, Offline, StringComparison.OrdinalIgnoreCase))
        {
            kind = ModelKind.Offline;
        }
        else if (string.Equals(name, Simulated, StringComparison.OrdinalIgnoreCase))
        {
            kind = ModelKind.Simulated;
        }
        else if (string.Equals(name, LlamaSharp, StringComparison.OrdinalIgnoreCase))
        {
            kind = ModelKind.LlamaSharp;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>The configuration name of <paramref name="kind"/>.</summary>
    public static string NameOf(ModelKind kind) => kind switch
    {
        ModelKind.OpenAi => OpenAi,
        ModelKind.Ocr => Ocr,
        ModelKind.Offline => Offline,
        ModelKind.Simulated => Simulated,
        ModelKind.LlamaSharp => LlamaSharp,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a model kind."),
    };
}
