using System.Text;
using System.Text.Json;
using VisualAgent.Errors;

namespace VisualAgent.Bench.Suites;

/// <summary>
/// Loads a suite file, its kind detected from the content: a JSON array of
/// ScreenSpot-style entries is grounding; a JSON object with "tasks" is a task suite; otherwise JSONL whose keys say
/// the kind (expression = refexp, references = caption, question = VQA or multi-image, text = OCR). Entries that
/// cannot be used are skipped and reported with their line numbers.
/// </summary>
internal static class SuiteFileLoader
{
    /// <param name="path">The suite file.</param>
    /// <param name="imagesDir">Where images are; null = images/ beside the file when it exists, else the file's folder.</param>
    /// <param name="bboxCorners">Grounding: true = bbox is [x1, y1, x2, y2], false = [x, y, w, h], null = by img_size.</param>
    public static LoadedSuite Load(string path, string? imagesDir = null, bool? bboxCorners = null)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UsageException($"The suite file '{full}' does not exist. Give a built-in suite id ({string.Join(", ", SuiteLocator.BuiltInIds)}) or a file.");
        }

        var bytes = File.ReadAllBytes(full);
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var name = Path.GetFileNameWithoutExtension(full);
        var first = text.TrimStart();
        if (first.StartsWith('['))
        {
            var folder = imagesDir ?? DefaultImages(full);
            return GroundingSuiteReader.Read(name, full, text, new ImageCatalog(folder), bboxCorners);
        }

        if (first.StartsWith('{') && TryParseWhole(text) is { } doc)
        {
            using (doc)
            {
                if (doc.RootElement.TryGetProperty("tasks", out _))
                {
                    return TaskSuiteAdapter.Load(full);
                }
            }
        }

        return JsonlSuiteReader.Read(name, full, text, new ImageCatalog(imagesDir ?? Path.GetDirectoryName(full)!));
    }

    private static string DefaultImages(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        var images = Path.Combine(folder, "images");
        return Directory.Exists(images) ? images : folder;
    }

    private static JsonDocument? TryParseWhole(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
