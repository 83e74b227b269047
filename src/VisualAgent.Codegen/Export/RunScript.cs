using System.Diagnostics;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Writers;
using VisualAgent.Errors;

namespace VisualAgent.Codegen.Export;

/// <summary>
/// A recorded run as a script of one target, generated and checked by the target's compiler: the one path the CLI's
/// `codegen --run`, the MCP tool export_script, the Semantic Kernel plugin and the UI take, so they agree on what is exported.
/// </summary>
public sealed record RunScript(ScriptTarget Target, ScriptPlan Plan, string Source, double GenerateMs)
{
    /// <summary>The script's plan and source; a desktop run asked for a browser target is a usage error (desktop-cs's writer refuses a browser run).</summary>
    public static RunScript Generate(RunDetails details, ScriptTarget target)
    {
        ArgumentNullException.ThrowIfNull(details);
        var started = Stopwatch.GetTimestamp();
        var plan = PlanBuilder.Build(details);
        if (plan.Desktop && target != ScriptTarget.DesktopCSharp)
        {
            throw new UsageException($"Run {details.Run.Id} was recorded on the desktop: Playwright and Selenium do not apply; export it with --target desktop-cs (a C# script on the desktop driver).");
        }

        var source = target.Writer().Write(plan);
        return new RunScript(target, plan, source, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The file name the script is checked and saved under when the caller names none (playwright-cs.cs, ...).</summary>
    public string DefaultFileName => Target.Name() + Target.Extension();

    /// <summary>Compiles (Roslyn, tsc) or syntax-checks (py_compile) the source as <paramref name="fileName"/>.</summary>
    public Task<ValidationResult> CheckAsync(string? fileName = null, CancellationToken ct = default) =>
        new ScriptChecker().CheckAsync(Target, fileName ?? DefaultFileName, Source, ct);
}
