using VisualAgent.Errors;

namespace VisualAgent.Vision.Ocr;

/// <summary>Finds Tesseract's language data so a missing language fails with the package to install.</summary>
internal static class TessdataLocator
{
    private static readonly string[] KnownFolders =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
    ];

    /// <summary>The apt packages that provide <paramref name="languages"/> ("eng+chi_sim" -> tesseract-ocr-eng tesseract-ocr-chi-sim).</summary>
    internal static string PackagesFor(string languages) =>
        string.Join(' ', Split(languages).Select(l => "tesseract-ocr-" + l.ToLowerInvariant().Replace('_', '-')));

    internal static void CheckLanguages(string? dataPath, string languages)
    {
        var folder = Find(dataPath);
        if (folder is null)
        {
            throw new EnvironmentMissingException(
                $"Tesseract language data (tessdata) was not found. Install it: apt-get install -y tesseract-ocr {PackagesFor(languages)}"
                + (dataPath is null ? "." : $", or fix Ocr:DataPath ('{dataPath}')."));
        }

        foreach (var language in Split(languages))
        {
            if (!File.Exists(Path.Combine(folder, language + ".traineddata")))
            {
                throw new EnvironmentMissingException(
                    $"Tesseract language '{language}' is not installed (no {language}.traineddata in {folder}). Install it: apt-get install -y {PackagesFor(language)}.");
            }
        }
    }

    private static string? Find(string? dataPath)
    {
        if (dataPath is not null)
        {
            return Directory.Exists(dataPath) ? dataPath : null;
        }

        var prefix = Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        if (!string.IsNullOrEmpty(prefix))
        {
            var nested = Path.Combine(prefix, "tessdata");
            return Directory.Exists(nested) && Directory.EnumerateFiles(nested, "*.traineddata").Any() ? nested
                : Directory.Exists(prefix) ? prefix : null;
        }

        return KnownFolders.FirstOrDefault(Directory.Exists);
    }

    private static string[] Split(string languages) =>
        languages.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
