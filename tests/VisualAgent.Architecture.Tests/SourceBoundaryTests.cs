using System.Text.RegularExpressions;

namespace VisualAgent.Tests.Architecture;

/// <summary>
/// Boundaries that live in source text rather than in types: page JavaScript and device-pixel-ratio arithmetic belong
/// to the drivers (src/VisualAgent.Drivers.*); everything else works in screenshot pixels through the driver seams.
/// </summary>
public sealed partial class SourceBoundaryTests
{
    /// <summary>Phrases only page JavaScript uses.</summary>
    private static readonly string[] PageScriptMarkers =
    [
        "document.querySelector", "document.getElementById", "getBoundingClientRect", "devicePixelRatio", "scrollIntoView",
        "document.fonts", "getComputedStyle", "document.body", "addEventListener(",
    ];

    [Fact]
    public void PageJavaScript_LivesOnlyInTheDrivers()
    {
        var offenders = SourceFilesOutsideDrivers()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => PageScriptMarkers.Any(m => l.Text.Contains(m, StringComparison.Ordinal)))
            .Select(l => $"{Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Page JavaScript belongs under src/VisualAgent.Drivers.Web/Scripts/ (behind the driver's seams):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void DevicePixelRatioArithmetic_HappensOnlyInTheDrivers()
    {
        var offenders = SourceFilesOutsideDrivers()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => DprArithmetic().IsMatch(l.Text))
            .Select(l => $"{Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Screenshot pixels <-> CSS pixels is the driver's business (Screenshot.ScrollHeight, element boxes in screenshot pixels):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheScan_SeesTheSourceTree()
    {
        // The two rules above pass vacuously on an empty tree; make sure they read the product's sources.
        var files = SourceFilesOutsideDrivers().ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("VisualAgent.Agent", "Loop", "AgentRunner.cs"), StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}VisualAgent.Drivers.", StringComparison.Ordinal));
        Assert.True(files.Count > 100, $"only {files.Count} source files found under src/");
    }

    [GeneratedRegex(@"DeviceScaleFactor\s*[*/]|[*/]\s*(Math\.Max\([^)]*)?[\w.]*DeviceScaleFactor")]
    private static partial Regex DprArithmetic();

    private static IEnumerable<string> SourceFilesOutsideDrivers()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return Directory.EnumerateDirectories(src)
            .Where(d => !Path.GetFileName(d).StartsWith("VisualAgent.Drivers.", StringComparison.Ordinal))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot(), file);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VisualAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VisualAgent.sln not found above " + AppContext.BaseDirectory);
    }
}
