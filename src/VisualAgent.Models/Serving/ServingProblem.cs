namespace VisualAgent.Models.Serving;

/// <summary>The serving mistakes the self-check recognises by their systematic signature.</summary>
public enum ServingProblem
{
    /// <summary>No systematic error beyond the model's own noise.</summary>
    None,

    /// <summary>The server resized the image before the model saw it; the model answered in pixels of that smaller (or larger) image.</summary>
    ServerResize,

    /// <summary>The model writes on a 0..999 grid and the profile divides by 1000, or the other way round.</summary>
    Divisor,

    /// <summary>The model writes a 0..1000 grid and the profile reads pixels of the image sent.</summary>
    GridReadAsPixels,

    /// <summary>The model writes pixels of the image it saw and the profile reads a relative grid.</summary>
    PixelsReadAsGrid,

    /// <summary>The model's numbers are relative to the padded square and the profile reads them relative to the image.</summary>
    PaddedSquare,

    /// <summary>The model's numbers are relative to the image and the profile reads them relative to the padded square.</summary>
    NotPaddedSquare,

    /// <summary>The model writes y before x.</summary>
    SwappedAxes,
}
