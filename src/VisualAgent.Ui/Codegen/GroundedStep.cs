namespace VisualAgent.Ui.Codegen;

/// <summary>One found target of a grounding conversation: what was asked, where it was found, by which profile, on which image.</summary>
public sealed record GroundedStep(string? Instruction, IReadOnlyList<double>? Point, IReadOnlyList<double>? Box, string? Profile, string? ImageId);

/// <summary>Export a grounding conversation as a script: the target language, the page the screenshots show, the found targets in order.</summary>
public sealed record ExportRequest(string? Target, string? Url, IReadOnlyList<GroundedStep>? Steps);
