namespace VisualAgent.Bench.Datasets;

/// <summary>What a generation wrote: the annotation file, its images folder and counts.</summary>
internal sealed record GroundingSetSummary(string AnnotationFile, string ImagesDir, int Screenshots, int Samples, int DroppedDuplicates)
{
    /// <summary>Samples per label kind.</summary>
    public IReadOnlyDictionary<string, int> ByLabelKind { get; init; } = new Dictionary<string, int>();
}
