using VisualAgent.Geometry;

namespace VisualAgent.Drivers;

/// <summary>Capability: answers the file chooser a click opens.</summary>
public interface IFileUpload
{
    /// <summary>Clicks the point, catches the file chooser it opens and gives it these files.</summary>
    Task<ActionOutcome> UploadAsync(ScreenPoint point, IReadOnlyList<string> files, CancellationToken cancellationToken = default);
}
