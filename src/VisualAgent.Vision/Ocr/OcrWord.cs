using VisualAgent.Geometry;

namespace VisualAgent.Vision.Ocr;

/// <summary>One recognised word: its text, box in screenshot pixels, confidence 0..100 and the index of its line.</summary>
public sealed record OcrWord(string Text, ScreenBox Box, double Confidence, int LineIndex);
