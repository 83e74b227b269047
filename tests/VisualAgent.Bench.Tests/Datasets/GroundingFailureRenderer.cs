using System.Text;
using VisualAgent.Vision;

namespace VisualAgent.Tests.Datasets;

/// <summary>Writes one annotated PNG per missed sample (true box, predicted point, the instruction) and a failures.txt
/// listing them with the grounder's explanation: the material for looking at what went wrong.</summary>
internal static class GroundingFailureRenderer
{
    /// <summary>Renders the misses of <paramref name="evaluation"/> into <paramref name="outputDir"/>; returns how many.</summary>
    public static async Task<int> RenderAsync(GroundingEvaluation evaluation, string imagesDir, string outputDir, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Directory.CreateDirectory(outputDir);
        var list = new StringBuilder();
        var count = 0;
        foreach (var miss in evaluation.Results.Where(r => !r.Hit))
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(imagesDir, miss.Sample.ImgFilename), ct).ConfigureAwait(false);
            var name = $"{miss.Sample.Id ?? count.ToString(System.Globalization.CultureInfo.InvariantCulture)}.png";
            var annotated = Annotations.AnnotateStep(png, miss.Point, miss.Truth, miss.Sample.Instruction);
            await File.WriteAllBytesAsync(Path.Combine(outputDir, name), annotated, ct).ConfigureAwait(false);
            list.AppendLine(FormattableString.Invariant(
                $"{name}\t{miss.LabelKind}\t\"{miss.Sample.Instruction}\"\ttruth {miss.Truth}\tpoint {miss.Point}\t{miss.Raw ?? miss.Error}"));
            count++;
        }

        await File.WriteAllTextAsync(Path.Combine(outputDir, "failures.txt"), list.ToString(), ct).ConfigureAwait(false);
        return count;
    }
}
