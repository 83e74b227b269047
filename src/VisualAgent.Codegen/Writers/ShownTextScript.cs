namespace VisualAgent.Codegen.Writers;

/// <summary>
/// The web driver's page script for "the page shows TEXT" (Drivers.Web/Scripts/page-shows-text.js, embedded here from the
/// same file), which every web script embeds verbatim: the run, the replay and the script decide a verify the same way.
/// </summary>
public static class ShownTextScript
{
    /// <summary>The function's source, a function of { text, scroll, explain } (see the file's header), without trailing newlines.</summary>
    public static string Source { get; } = Load();

    /// <summary>The source's lines, for writers that lay it out as a multi-line literal.</summary>
    internal static IReadOnlyList<string> Lines { get; } = Source.Split('\n');

    private static string Load()
    {
        var assembly = typeof(ShownTextScript).Assembly;
        using var stream = assembly.GetManifestResourceStream("VisualAgent.Codegen.page-shows-text.js")
            ?? throw new InvalidOperationException("page-shows-text.js is not embedded in VisualAgent.Codegen; check the csproj.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

        // Scripts hold it in raw literals (C# """, Python r''', TypeScript String.raw`): none of their ends may occur in it.
        foreach (var bad in new[] { "\"\"\"", "'''", "`", "${" })
        {
            if (text.Contains(bad, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"page-shows-text.js contains {bad}, which would end the raw literal the scripts embed it in.");
            }
        }

        return text;
    }
}
