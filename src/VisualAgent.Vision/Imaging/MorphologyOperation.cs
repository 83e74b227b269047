namespace VisualAgent.Vision;

/// <summary>Morphological operations with a rectangular kernel.</summary>
public enum MorphologyOperation
{
    Dilate = 0,
    Erode = 1,
    Close = 2,
    Open = 3,
    Gradient = 4,
}
