using VisualAgent.Errors;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// Process-wide settings of the in-process backend (configuration section <c>LlamaSharp</c>). By default the native
/// llama.cpp comes from the backend package the build chose (CPU; <c>-p:LlamaBackend=Cuda12</c> or <c>Vulkan</c> for a
/// GPU). <see cref="LibraryPath"/> points at a llama.cpp build of your own instead (e.g. a CUDA build), with no rebuild.
/// </summary>
public sealed class LlamaSharpOptions
{
    public const string SectionName = "LlamaSharp";

    /// <summary>Full path of libllama.so (llama.dll on Windows) to load instead of the backend package's; null = the package's.</summary>
    public string? LibraryPath { get; set; }

    /// <summary>Full path of the matching libmtmd.so (images); null = next to <see cref="LibraryPath"/> when that is set.</summary>
    public string? MtmdLibraryPath { get; set; }

    internal void Check()
    {
        if (LibraryPath is { Length: > 0 } path && !File.Exists(path))
        {
            throw new UsageException($"LlamaSharp:LibraryPath '{path}' does not exist: point it at a libllama.so built with the GPU backend, or remove it to use the backend package.");
        }

        if (MtmdLibraryPath is { Length: > 0 } mtmd && !File.Exists(mtmd))
        {
            throw new UsageException($"LlamaSharp:MtmdLibraryPath '{mtmd}' does not exist: point it at the libmtmd.so built with LibraryPath's llama.cpp.");
        }
    }
}
