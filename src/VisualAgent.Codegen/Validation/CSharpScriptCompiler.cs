using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VisualAgent.Codegen.Validation;

/// <summary>
/// Compiles generated C# scripts in full with Roslyn (binding every call, not a syntax check) against the real
/// Microsoft.Playwright and Selenium.WebDriver assemblies and the running .NET's own, as the file-based app would be
/// built (top-level statements, implicit usings, nullable). One instance keeps its references for many scripts.
/// </summary>
public sealed class CSharpScriptCompiler
{
    private static readonly string[] ImplicitUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private readonly Lazy<IReadOnlyList<MetadataReference>> _references = new(LoadReferences);

    public ValidationResult Compile(string source, string fileName = "script.cs")
    {
        ArgumentNullException.ThrowIfNull(source);
        var started = Stopwatch.GetTimestamp();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        // #! and #: lines are the file-based app's directives, read by `dotnet run`, not by the compiler.
        var lines = source.Split('\n').Select(l => l.StartsWith("#!", StringComparison.Ordinal) || l.StartsWith("#:", StringComparison.Ordinal) ? "" : l);
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', lines), parse, fileName);
        var usings = CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), parse, "implicit-usings.cs");
        var compilation = CSharpCompilation.Create(
            "script",
            [usings, tree],
            _references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{fileName}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        return new ValidationResult(result.Success, "roslyn", errors, Stopwatch.GetElapsedTime(started));
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        foreach (var library in new[] { typeof(Microsoft.Playwright.IPage).Assembly, typeof(OpenQA.Selenium.IWebDriver).Assembly })
        {
            paths.Add(library.Location);
            // Their own dependencies that travel beside them (Playwright's Microsoft.Bcl.AsyncInterfaces, ...).
            var folder = Path.GetDirectoryName(library.Location)!;
            paths.AddRange(library.GetReferencedAssemblies().Select(a => Path.Combine(folder, a.Name + ".dll")));
        }
        return [.. paths.Where(File.Exists).Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }
}
