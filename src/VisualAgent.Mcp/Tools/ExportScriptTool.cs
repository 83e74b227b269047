using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Export;
using VisualAgent.Codegen.Writers;

namespace VisualAgent.Mcp.Tools;

/// <summary>`codegen --run` as a tool: a recorded run as a Playwright or Selenium script, checked before it is returned.</summary>
internal sealed class ExportScriptTool(McpServices services)
{
    [McpServerTool(Name = "export_script", ReadOnly = true, Idempotent = true)]
    [Description("A Playwright or Selenium script that repeats a recorded run with no model: the locators each step recorded, waits in the target's idiom, secrets as environment variables (never values), assertions for what the run checked. target: playwright-cs, playwright-ts, playwright-py, selenium-cs or selenium-py. The script is compiled (Roslyn, tsc) or syntax-checked (py_compile) and the check's result is returned beside the source; nothing is run.")]
    public Task<CallToolResult> ExportAsync(
        [Description("A run id from run_task (or a unique prefix of one), or latest.")] string run,
        [Description("playwright-cs, playwright-ts, playwright-py, selenium-cs or selenium-py.")] string target,
        CancellationToken cancellationToken = default) =>
        Guard.RunAsync(async () =>
        {
            Guard.Require(run, nameof(run));
            Guard.Require(target, nameof(target));
            var scriptTarget = ScriptTargets.Parse(target);
            var details = new RunReader(new RunStore(services.Settings.RunsFolder)).Load(run);
            var script = RunScript.Generate(details, scriptTarget);
            var plan = script.Plan;
            var source = script.Source;
            var file = script.DefaultFileName;
            var check = await script.CheckAsync(file, cancellationToken).ConfigureAwait(false);
            return ToolResults.Ok(new
            {
                run = details.Run.Id,
                target = scriptTarget.Name(),
                file,
                steps = plan.Steps.Count,
                warnings = plan.Warnings,
                check = new { tool = check.Tool, passed = check.Passed, skipped = check.Skipped, errors = check.Errors },
                source,
            });
        });
}
