namespace VisualAgent.Bench.Datasets;

/// <summary>What <see cref="PageFolderSetGenerator"/> wrote: the text-named set, the icon-only set beside it, counts.</summary>
public sealed record PageFolderSetSummary(string AnnotationFile, string IconOnlyFile, string ImagesDir, int Pages, int Screenshots)
{
    /// <summary>Elements whose accessible name is the text they show (their own or their label's): the set.</summary>
    public int TextNamed { get; init; }

    /// <summary>Elements with a name but no text to read (icon buttons): written apart.</summary>
    public int IconOnly { get; init; }

    /// <summary>Elements left out because their name is not what they show ("Remove adult" on a "−" button).</summary>
    public int NameDiffers { get; init; }

    /// <summary>Repeats past the ordinal limit, dropped.</summary>
    public int DroppedDuplicates { get; init; }

    /// <summary>Text-named samples per data type (button, link, tab, option, ...).</summary>
    public IReadOnlyDictionary<string, int> ByKind { get; init; } = new Dictionary<string, int>();
}
