using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Agent;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Runs;
using VisualAgent.Errors;
using VisualAgent.Hosting;

namespace VisualAgent.Mcp.Tools;

/// <summary>A whole task in a browser of its own, recorded as a run folder (as `visual-agent run` does).</summary>
internal sealed class RunTaskTool(McpServices services)
{
    [McpServerTool(Name = "run_task", Destructive = true, OpenWorld = true)]
    [Description("Do a task in a fresh browser and record it as a run (run.json, steps.jsonl, shots/, report.html; readable as visualagent://runs/{id} resources). Offline (model offline, the default) the instruction is explicit steps, e.g. \"type alice into the Username field; type {{secret:PW}} into the Password field; click the Log in button\" ({{secret:NAME}} reads the server's environment variable NAME, never shown). A vision-language model profile takes a free-form goal. Risky steps are asked through elicitation when the client supports it, else denied. Returns the verdict: succeeded only when every step's check held.")]
    public Task<CallToolResult> RunTaskAsync(
        McpServer server,
        [Description("What to do: explicit steps offline, or a goal for a vision-language model profile.")] string instruction,
        [Description("Page to open first: http(s)://, a file, or samples:PATH (the bundled sample apps).")] string? url = null,
        [Description("Model profile that plans (default offline).")] string? model = null,
        [Description("Planner + grounder mode: this profile places each target.")] string? grounder = null,
        [Description("Bound on steps (default Agent:MaxSteps).")] int? max_steps = null,
        [Description("Token budget of the run: it stops cleanly (cause budget) once used up.")] long? max_tokens_total = null,
        [Description("Cost budget in the model profile's price currency (Models:NAME:Price).")] double? max_cost = null,
        CancellationToken cancellationToken = default) =>
        Guard.RunAsync(async () =>
        {
            Guard.Require(instruction, nameof(instruction));
            if (max_steps is < 1 or > 1000)
            {
                throw new UsageException($"max_steps {max_steps} is out of range: give 1..1000.");
            }

            var models = await services.ModelAsync(model, cancellationToken).ConfigureAwait(false);
            var grounderStack = grounder is null ? null : await services.ModelAsync(grounder, cancellationToken).ConfigureAwait(false);
            var agentOptions = services.Configuration.GetSection("Agent").Get<AgentOptions>() ?? new AgentOptions();
            agentOptions = agentOptions with
            {
                MaxSteps = max_steps ?? agentOptions.MaxSteps,
                MaxTokensTotal = max_tokens_total ?? agentOptions.MaxTokensTotal,
                MaxCost = max_cost ?? agentOptions.MaxCost,
            };
            var downloads = Path.Combine(Path.GetTempPath(), "visual-agent-downloads-" + Guid.NewGuid().ToString("N")[..8]);
            var prompt = new ElicitationPrompt(server, services.Settings.ConfirmationTimeout);
            var result = await WebTask.RunAsync(new WebTaskRequest
            {
                Instruction = instruction,
                Url = url,
                Models = models,
                Grounder = grounderStack,
                Browser = services.ReadBrowserOptions(downloads),
                Store = new RunStore(services.Settings.RunsFolder),
                Options = agentOptions,
                Policy = services.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions(),
                Prompt = prompt,
                Via = "mcp",
                Loggers = services.Settings.Loggers,
            }, cancellationToken).ConfigureAwait(false);
            var run = result.Record;
            var id = Path.GetFileName(result.Folder);
            var reply = ToolResults.Ok(new
            {
                id,
                status = run.Status,
                reason = run.Reason,
                cause = run.Cause,
                tokens = run.Tokens,
                cost = run.Cost,
                summary = run.Summary,
                steps = run.Steps,
                duration_ms = run.DurationMs,
                folder = result.Folder,
                report = Path.Combine(result.Folder, "report.html"),
                resource = RunResources.RunUri(id),
                downloads = run.Downloads.Select(d => Path.Combine(result.Folder, d)),
                confirmations = prompt.Asked.Count > 0 ? prompt.Asked : null,
            });
            reply.IsError = run.Status != Runs.RunStatus.Succeeded;
            return reply;
        });
}
