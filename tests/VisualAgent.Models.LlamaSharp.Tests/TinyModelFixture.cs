using VisualAgent.Models.LlamaSharp.Tests.Gguf;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.LlamaSharp.Tests;

/// <summary>A folder of generated tiny GGUF files shared by the tests of one class, deleted afterwards.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        Folder = Directory.CreateTempSubdirectory("va-tiny-gguf-").FullName;
        WithTemplate = TinyLlama.Write(Path.Combine(Folder, "tiny.gguf"));
        WithoutTemplate = TinyLlama.Write(Path.Combine(Folder, "tiny-no-template.gguf"), chatTemplate: null);
    }

    public string Folder { get; }

    public string WithTemplate { get; }

    public string WithoutTemplate { get; }

    public ModelProfile Profile(string name, string? modelPath = null, string? mmproj = null, uint contextSize = 512) => new()
    {
        Name = name,
        Kind = ModelKinds.LlamaSharp,
        Dialect = "qwen3-vl",
        Model = "tiny",
        InProcess = new InProcessModelOptions { ModelPath = modelPath ?? WithTemplate, MmprojPath = mmproj, ContextSize = contextSize, Threads = 1 },
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
