using VisualAgent.Codegen.Writers;

namespace VisualAgent.Codegen.Validation;

/// <summary>
/// Checks generated scripts with each language's real compiler: Roslyn in-process for C# (against the Playwright and
/// Selenium assemblies), tsc for TypeScript (with playwright-core's and Node's types), py_compile for Python. Many
/// scripts of one language are checked in one compiler call. Where a tool is missing the result says so (Skipped),
/// never passed.
/// </summary>
public sealed class ScriptChecker
{
    private readonly CSharpScriptCompiler _csharp = new();

    public async Task<IReadOnlyList<ValidationResult>> CheckAsync(ScriptTarget target, IReadOnlyList<(string Name, string Source)> scripts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        switch (target)
        {
            case ScriptTarget.PlaywrightCSharp or ScriptTarget.SeleniumCSharp or ScriptTarget.DesktopCSharp:
                return [.. scripts.Select(s => _csharp.Compile(s.Source, s.Name))];
            case ScriptTarget.PlaywrightTypeScript:
                return await TypeScriptAsync(scripts, cancellationToken).ConfigureAwait(false);
            default:
                return await PythonAsync(scripts, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ValidationResult> CheckAsync(ScriptTarget target, string name, string source, CancellationToken cancellationToken = default) =>
        (await CheckAsync(target, [(name, source)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Compiles TypeScript scripts to JavaScript in a work folder inside the node tools (so their imports resolve).</summary>
    public static async Task<(IReadOnlyList<ValidationResult> Results, string? OutDir)> CompileTypeScriptAsync(IReadOnlyList<(string Name, string Source)> scripts, CancellationToken cancellationToken)
    {
        if (NodeTools.Find() is not { } tools)
        {
            return ([.. scripts.Select(_ => new ValidationResult(false, "tsc", [NodeTools.Missing], TimeSpan.Zero) { Skipped = true })], null);
        }

        var work = Path.Combine(tools, "work", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        var files = new List<string>();
        foreach (var (name, source) in scripts)
        {
            // tsc reads a file by its extension (without one it stops with a parser panic): --out names like "login" get ".ts".
            var file = Path.Combine(work, Path.GetFileName(name).EndsWith(".ts", StringComparison.OrdinalIgnoreCase) ? Path.GetFileName(name) : Path.GetFileName(name) + ".ts");
            await File.WriteAllTextAsync(file, source, cancellationToken).ConfigureAwait(false);
            files.Add(file);
        }

        var args = new List<string> { "--outDir", work, "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--strict", "--types", "node", "--skipLibCheck", "--pretty", "false" };
        args.AddRange(files);
        var run = await ProcessRunner.RunAsync(Path.Combine(tools, "node_modules", ".bin", "tsc"), args, work, null, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var results = scripts.Select(s =>
        {
            var errors = lines.Where(l => l.Contains(Path.GetFileName(s.Name), StringComparison.Ordinal) && l.Contains("error", StringComparison.Ordinal)).ToList();
            if (run.ExitCode != 0 && errors.Count == 0 && scripts.Count == 1)
            {
                errors = [.. lines.DefaultIfEmpty($"tsc exited {run.ExitCode}")];
            }

            return new ValidationResult(errors.Count == 0 && (run.ExitCode == 0 || scripts.Count > 1), "tsc", errors, run.Elapsed);
        }).ToList();
        if (run.ExitCode != 0 && results.All(r => r.Passed))
        {
            results = [.. results.Select(r => r with { Passed = false, Errors = [.. lines.DefaultIfEmpty($"tsc exited {run.ExitCode}")] })];
        }

        return (results, work);
    }

    private static async Task<IReadOnlyList<ValidationResult>> TypeScriptAsync(IReadOnlyList<(string Name, string Source)> scripts, CancellationToken cancellationToken)
    {
        var (results, work) = await CompileTypeScriptAsync(scripts, cancellationToken).ConfigureAwait(false);
        if (work is not null)
        {
            Directory.Delete(work, recursive: true);
        }

        return results;
    }

    private static async Task<IReadOnlyList<ValidationResult>> PythonAsync(IReadOnlyList<(string Name, string Source)> scripts, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("visual-agent-py-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (name, source) in scripts)
            {
                var file = Path.Combine(work, Path.GetFileName(name));
                await File.WriteAllTextAsync(file, source, cancellationToken).ConfigureAwait(false);
                files.Add(file);
            }

            ProcessRunner.Result run;
            try
            {
                run = await ProcessRunner.RunAsync("python3", ["-m", "py_compile", .. files], work, null, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return [.. scripts.Select(_ => new ValidationResult(false, "py_compile", [$"python3 is not installed: {e.Message}"], TimeSpan.Zero) { Skipped = true })];
            }

            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return [.. scripts.Select(s =>
            {
                var errors = lines.Where(l => l.Contains(Path.GetFileName(s.Name), StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal) && scripts.Count == 1).ToList();
                return new ValidationResult(run.ExitCode == 0 || errors.Count == 0 && scripts.Count > 1, "py_compile", errors, run.Elapsed);
            })];
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
