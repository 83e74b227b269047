using VisualAgent.Geometry;

namespace VisualAgent.Drivers;

/// <summary>Rendered text of one element (its own and its descendants'), with its box in screenshot pixels.</summary>
/// <param name="Text">The rendered text, whitespace normalised.</param>
/// <param name="Box">The element's box (may be outside the screen).</param>
/// <param name="Visible">True when part of the box is visible now.</param>
/// <param name="Ref">A reference usable with <see cref="IElementQuery.RevealAsync"/>.</param>
public sealed record TextBlock(string Text, ScreenBox Box, bool Visible, string Ref);
