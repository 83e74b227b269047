namespace VisualAgent.Models.LlamaSharp.Tests;

/// <summary>
/// Tests that load models run one at a time: llama.cpp's log callback is process-wide, so the logger of the model opened
/// last receives every model's lines (a log test beside another class loading a model saw none of its own).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessModels
{
    public const string Name = "in-process models";
}
