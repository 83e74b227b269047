namespace VisualAgent.Bench.Suites;

/// <summary>What a suite measures; decides the request sent to each model and how a sample is scored.</summary>
public enum SuiteKind
{
    /// <summary>ScreenSpot-style UI grounding: point in box (edges inclusive), IoU when the model gives a box.</summary>
    Grounding,

    /// <summary>Referring expressions on natural images (RefCOCO style): IoU and Acc@IoU&gt;=0.5.</summary>
    Refexp,

    /// <summary>Text recognition: CER, WER and line detection F1.</summary>
    Ocr,

    /// <summary>Visual question answering: VQAv2 soft accuracy.</summary>
    Vqa,

    /// <summary>Image captions: BLEU-4 and CIDEr-D.</summary>
    Caption,

    /// <summary>Questions over several images: VQA soft accuracy.</summary>
    MultiImage,

    /// <summary>Agent task success on the sample apps.</summary>
    Tasks,
}

/// <summary>Names of <see cref="SuiteKind"/> as they appear in result lines and reports.</summary>
internal static class SuiteKinds
{
    public static string Id(this SuiteKind kind) => kind switch
    {
        SuiteKind.Grounding => "grounding",
        SuiteKind.Refexp => "refexp",
        SuiteKind.Ocr => "ocr",
        SuiteKind.Vqa => "vqa",
        SuiteKind.Caption => "caption",
        SuiteKind.MultiImage => "multi-image",
        SuiteKind.Tasks => "tasks",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The name of the per-sample score averaged into the headline.</summary>
    public static string HeadlineMetric(this SuiteKind kind) => kind switch
    {
        SuiteKind.Grounding => "accuracy (point in box, edges inclusive)",
        SuiteKind.Refexp => "Acc@IoU>=0.5",
        SuiteKind.Ocr => "1 - CER (clipped at 0)",
        SuiteKind.Vqa => "VQA soft accuracy",
        SuiteKind.Caption => "BLEU-4",
        SuiteKind.MultiImage => "VQA soft accuracy",
        SuiteKind.Tasks => "task success rate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
