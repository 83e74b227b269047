using VisualAgent.Geometry;

namespace VisualAgent.Vision.Ocr;

/// <summary>One text line: its words in reading order, their joined text, its box and mean confidence (0..100).</summary>
public sealed record OcrLine(string Text, ScreenBox Box, double Confidence, IReadOnlyList<OcrWord> Words);
