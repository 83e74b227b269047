namespace VisualAgent.Ui.Playground;

/// <summary>"Where is X?" on one uploaded image with a profile.</summary>
public sealed record GroundRequest(string? Profile, string? ImageId, string? Instruction, ModelSettings? Settings);

/// <summary>Read the text of one uploaded image (Tesseract).</summary>
public sealed record OcrRequest(string? ImageId);

/// <summary>Describe the images, or answer a question about them, through a model profile.</summary>
public sealed record AskRequest(string? Profile, IReadOnlyList<string>? ImageIds, string? Question, string? Mode, ModelSettings? Settings);

/// <summary>The size each image is sent at and the image tokens that implies, for a profile and settings.</summary>
public sealed record BudgetRequest(string? Profile, IReadOnlyList<string>? ImageIds, ModelSettings? Settings);
