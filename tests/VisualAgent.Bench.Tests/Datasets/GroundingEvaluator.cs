using System.Buffers.Binary;
using System.Diagnostics;
using VisualAgent.Bench.Datasets;
using VisualAgent.Bench.Scoring;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Grounding;

namespace VisualAgent.Tests.Datasets;

/// <summary>
/// Runs an <see cref="IGrounder"/> over a grounding annotation file, one sample at a time in file order (so latencies
/// are the grounder's own), and scores each answer: hit = the point lies inside the true box, edges inclusive;
/// a refusal is a miss.
/// </summary>
internal static class GroundingEvaluator
{
    /// <summary>Evaluates the samples of <paramref name="annotationFile"/>; images are looked up in
    /// <paramref name="imagesDir"/>, else in images/ beside the file, else beside the file.</summary>
    public static async Task<GroundingEvaluation> EvaluateAsync(IGrounder grounder, string annotationFile, string? imagesDir, CancellationToken ct)
    {
        var samples = await GroundingSetFile.ReadAsync(annotationFile, ct).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(annotationFile))!;
        imagesDir ??= Directory.Exists(Path.Combine(folder, GroundingSetFile.ImagesFolder)) ? Path.Combine(folder, GroundingSetFile.ImagesFolder) : folder;
        return await EvaluateAsync(grounder, samples, imagesDir, ct).ConfigureAwait(false);
    }

    /// <summary>Evaluates samples already in memory; <c>img_filename</c> is relative to <paramref name="imagesDir"/>.</summary>
    public static async Task<GroundingEvaluation> EvaluateAsync(IGrounder grounder, IReadOnlyList<GroundingSample> samples, string imagesDir, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grounder);
        ArgumentNullException.ThrowIfNull(samples);
        var results = new List<GroundingSampleResult>(samples.Count);
        var shots = new Dictionary<string, Screenshot>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            ct.ThrowIfCancellationRequested();
            if (!shots.TryGetValue(sample.ImgFilename, out var shot))
            {
                shot = shots[sample.ImgFilename] = await LoadAsync(imagesDir, sample, ct).ConfigureAwait(false);
            }

            var truth = sample.TargetBox();
            var watch = Stopwatch.StartNew();
            var answer = await grounder.GroundAsync(new GroundingRequest(shot, sample.Instruction), ct).ConfigureAwait(false);
            var elapsed = watch.Elapsed;
            results.Add(new GroundingSampleResult
            {
                Sample = sample,
                Truth = truth,
                Found = answer.Found,
                Hit = answer.Found && GroundingHit.Of(truth, answer.Point),
                Confidence = answer.Found ? answer.Confidence : 0,
                Point = answer.Found ? answer.Point : null,
                PredictedBox = answer.Found ? answer.Box : null,
                Latency = answer.Latency > TimeSpan.Zero ? answer.Latency : elapsed,
                Raw = answer.Raw,
                Error = answer.Error,
            });
        }

        return Summarise(grounder.Name, results);
    }

    /// <summary>Accuracy overall and per label kind, and latency medians, of finished results.</summary>
    public static GroundingEvaluation Summarise(string grounder, IReadOnlyList<GroundingSampleResult> results)
    {
        var perShot = results.GroupBy(r => r.Sample.ImgFilename, StringComparer.Ordinal).ToList();
        return new GroundingEvaluation
        {
            Grounder = grounder,
            Results = results,
            Overall = AccuracyFigure.Of(results),
            ByLabelKind = results.GroupBy(r => r.LabelKind).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => AccuracyFigure.Of(g), StringComparer.Ordinal),
            NotTextLabelled = AccuracyFigure.Of(results.Where(r => r.LabelKind != LabelKinds.TextLabelled)),
            Reliability = ReliabilityTable.Of(results.Select(r => (r.Confidence, r.Found, r.Hit))),
            MedianLatency = Median(results.Select(r => r.Latency)),
            MedianFirstCallPerScreenshot = Median(perShot.Select(g => g.First().Latency)),
            MedianTotalPerScreenshot = Median(perShot.Select(g => TimeSpan.FromTicks(g.Sum(r => r.Latency.Ticks)))),
        };
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<Screenshot> LoadAsync(string imagesDir, GroundingSample sample, CancellationToken ct)
    {
        var path = Path.Combine(imagesDir, sample.ImgFilename);
        if (!File.Exists(path))
        {
            throw new UsageException($"The image '{path}' of sample {sample.Id ?? sample.Instruction} does not exist. Pass the images folder explicitly.");
        }

        var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        var size = sample.ImgSize is [var w, var h] ? new PixelSize(w, h)
            : bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8.ToArray())
                ? new PixelSize(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)))
                : throw new UsageException($"The size of '{path}' is unknown: give img_size in the annotation or use PNG images.");
        return new Screenshot { Png = bytes, Size = size };
    }
}
