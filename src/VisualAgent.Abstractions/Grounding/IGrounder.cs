namespace VisualAgent.Grounding;

/// <summary>Finds a described target on a screenshot: a grounding model, or the offline OCR grounder.</summary>
public interface IGrounder
{
    /// <summary>A short name for reports ("ocr", a model profile name).</summary>
    string Name { get; }

    Task<GroundingResult> GroundAsync(GroundingRequest request, CancellationToken cancellationToken = default);
}
