using VisualAgent.Geometry;

namespace VisualAgent.Bench.Suites;

/// <summary>
/// One sample of a loaded suite, whatever its kind: the images (full paths), the text the model is asked about
/// (instruction, expression, question), and the truth (box, answers, references, text lines).
/// </summary>
public sealed record BenchSample
{
    public required string Id { get; init; }

    public required SuiteKind Kind { get; init; }

    /// <summary>Line of the suite file the sample starts on (1-based).</summary>
    public int Line { get; init; }

    /// <summary>Image files, full paths, in order.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Size of the last image.</summary>
    public PixelSize ImageSize { get; init; }

    /// <summary>Instruction (grounding), expression (refexp) or question (VQA, multi-image); empty otherwise.</summary>
    public string Prompt { get; init; } = "";

    /// <summary>The true box in image pixels (grounding, refexp).</summary>
    public ScreenBox? Box { get; init; }

    /// <summary>VQA answers, caption references, or the OCR text (one element).</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>OCR: the text lines with their boxes, when the suite gives them.</summary>
    public IReadOnlyList<TruthLine> Lines { get; init; } = [];

    /// <summary>Group fields (platform, ui_type, variant, ...), the keys of the per-group breakdowns.</summary>
    public IReadOnlyDictionary<string, string> Groups { get; init; } = new Dictionary<string, string>();

    /// <summary>Tasks: the task definition as the task-suite loader read it.</summary>
    public object? Task { get; init; }
}

/// <summary>A true OCR line: its text and, when known, its box in image pixels.</summary>
public sealed record TruthLine(string Text, ScreenBox? Box);
