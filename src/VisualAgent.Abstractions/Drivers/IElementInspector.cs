using VisualAgent.Geometry;

namespace VisualAgent.Drivers;

/// <summary>Capability: facts about the element at a point (hit-testing), in screenshot pixels.</summary>
public interface IElementInspector
{
    /// <summary>Facts about the element at a point, or null where there is none the driver can see.</summary>
    Task<ElementFacts?> ElementAtAsync(ScreenPoint point, CancellationToken cancellationToken = default);
}
