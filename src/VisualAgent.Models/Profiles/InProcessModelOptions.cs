namespace VisualAgent.Models.Profiles;

/// <summary>
/// Settings of a profile of kind "llamasharp" (configuration <c>Models:NAME:InProcess</c>): a GGUF model and, for images,
/// its multimodal projector (mmproj) loaded in this process. Relative paths are resolved against the working directory.
/// </summary>
public sealed class InProcessModelOptions
{
    /// <summary>The GGUF model file (required), e.g. models/Qwen3-VL-4B-Instruct-Q4_K_M.gguf.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The GGUF multimodal projector matching the model (mmproj-*.gguf); null = text only (images are refused).</summary>
    public string? MmprojPath { get; set; }

    /// <summary>Layers offloaded to the GPU (default 0: CPU only; -1 = all). Needs a GPU backend (see README).</summary>
    public int GpuLayers { get; set; }

    /// <summary>Context length in tokens (default 8192; an image of Qwen3-VL at 1280x720 takes about 1,200).</summary>
    public uint ContextSize { get; set; } = 8192;

    /// <summary>Threads for generation; null (default) = llama.cpp's choice (the machine's cores).</summary>
    public int? Threads { get; set; }

    /// <summary>
    /// Template used when the GGUF has no chat template (tokenizer.chat_template): a name llama.cpp knows, such as
    /// "chatml" (default; what Qwen models use), "llama3", "gemma", "mistral-v7".
    /// </summary>
    public string FallbackTemplate { get; set; } = "chatml";

    public InProcessModelOptions Clone() => (InProcessModelOptions)MemberwiseClone();

    internal void Check(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            problems.Add("InProcess:ModelPath (the GGUF model file) is missing");
        }

        if (ContextSize is < 256 or > 1_048_576)
        {
            problems.Add($"InProcess:ContextSize ({ContextSize}) must be in 256..1048576");
        }

        if (GpuLayers < -1)
        {
            problems.Add($"InProcess:GpuLayers ({GpuLayers}) must be -1 (all), 0 (CPU only) or a positive layer count");
        }

        if (Threads is < 1 or > 1024)
        {
            problems.Add($"InProcess:Threads ({Threads}) must be in 1..1024 (or absent for llama.cpp's choice)");
        }

        if (string.IsNullOrWhiteSpace(FallbackTemplate))
        {
            problems.Add("InProcess:FallbackTemplate must name a llama.cpp template such as chatml");
        }
    }
}
