using VisualAgent.Geometry;

namespace VisualAgent.Bench.Scoring;

/// <summary>Turns a model's raw reply into a point (and box) in original-image pixels with the model family's dialect.</summary>
public interface IReplyPointParser
{
    /// <summary>Returns the point and optional box, or throws a VisualAgentException describing why the reply is unusable.</summary>
    (ScreenPoint Point, ScreenBox? Box) Parse(string dialect, string raw, PixelSize imageSize, long? minPixels, long? maxPixels);
}
