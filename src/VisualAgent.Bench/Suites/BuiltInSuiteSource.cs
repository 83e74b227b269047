using VisualAgent.Bench.BuiltIn;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;

namespace VisualAgent.Bench.Suites;

/// <summary>The generated built-in suites (refexp, OCR, VQA, caption, multi-image), from <see cref="BuiltInSuites"/>.</summary>
internal static class BuiltInSuiteSource
{
    public static Task<string> EnsureAsync(string id, string cacheRoot, PlaywrightBrowser? browser, CancellationToken ct) =>
        BuiltInSuites.IsBuiltIn(id)
            ? BuiltInSuites.EnsureAsync(id, cacheRoot, browser, ct)
            : throw new UsageException($"Unknown built-in suite '{id}'. Built-in: {string.Join(", ", SuiteLocator.BuiltInIds)}.");
}
