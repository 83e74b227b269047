namespace VisualAgent.Drivers;

/// <summary>Capability: a full-resolution, lossless capture of what the user sees, in screenshot pixels.</summary>
public interface IScreenCapture
{
    /// <summary>Captures the current screen losslessly.</summary>
    Task<Screenshot> CaptureAsync(CancellationToken cancellationToken = default);
}
