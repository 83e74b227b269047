using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Agent;
using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Runs;
using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Planning;

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

            var secrets = new SecretResolver(new SecretMasker(), declared: SecretResolver.Names(instruction));
            secrets.EnsureDeclaredAvailable();
            var models = await services.ModelAsync(model, cancellationToken).ConfigureAwait(false);
            var grounderStack = grounder is null ? null : await services.ModelAsync(grounder, cancellationToken).ConfigureAwait(false);
            foreach (var stack in new[] { models, grounderStack })
            {
                if (stack is { Simulated: true })
                {
                    throw new UsageException($"'{stack.Profile.Name}' is a simulated model: it answers only from ground truth a test or the benchmark registers, so it cannot run a free task. Use a real model profile, or offline with explicit steps.");
                }
            }

            if (models.Offline && !StepParser.TryParse(instruction, out _, out var error))
            {
                throw new UsageException($"{error}\nThe offline default runs explicit steps only; for a free-form goal give a vision-language model profile as model.");
            }

            var downloads = Path.Combine(Path.GetTempPath(), "visual-agent-downloads-" + Guid.NewGuid().ToString("N")[..8]);
            await using var session = await BrowserSession.OpenAsync(services.ReadBrowserOptions(downloads), url ?? (instruction.Contains("samples:", StringComparison.Ordinal) ? "samples:" : null), services.Settings.Loggers, navigate: false, cancellationToken).ConfigureAwait(false);
            var goal = session.SamplesBaseUrl is { } samples ? instruction.Replace("{{samples}}", samples, StringComparison.Ordinal).Replace("samples:", samples + "/", StringComparison.Ordinal) : instruction;
            IPlanner planner = models.Offline ? new OfflinePlanner(StepParser.Parse(goal))
                : grounderStack is null ? models.CreatePlanner() : models.CreateWordsPlanner();
            var agentOptions = services.Configuration.GetSection("Agent").Get<AgentOptions>() ?? new AgentOptions();
            agentOptions = agentOptions with
            {
                MaxSteps = max_steps ?? agentOptions.MaxSteps,
                MaxTokensTotal = max_tokens_total ?? agentOptions.MaxTokensTotal,
                MaxCost = max_cost ?? agentOptions.MaxCost,
            };
            agentOptions.Validate();
            var prompt = new ElicitationPrompt(server, services.Settings.ConfirmationTimeout);
            var runner = AgentFactory.Create(new AgentSetup
            {
                Driver = session.Driver,
                Planner = planner,
                Grounder = (grounderStack ?? models).Grounder,
                Store = new RunStore(services.Settings.RunsFolder),
                Secrets = secrets,
                Options = agentOptions,
                Policy = services.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions(),
                Prompt = prompt,
                Logger = services.Settings.Loggers.CreateLogger<AgentRunner>(),
            });
            var result = await runner.RunAsync(new RunRequest
            {
                Goal = goal,
                StartUrl = url is null ? null : session.ResolveUrl(url),
                Model = grounder is null ? models.Profile.Name : $"{models.Profile.Name}+{grounderStack!.Profile.Name}",
                Simulated = models.Simulated,
                GroundThroughElements = models.Profile.GroundsThroughElements,
                Price = models.Price,
                Settings = new Dictionary<string, string>
                {
                    ["viewport"] = $"{session.Options.ViewportWidth}x{session.Options.ViewportHeight}",
                    ["headless"] = session.Options.Headless ? "true" : "false",
                    ["confirmations"] = prompt.Name,
                    ["via"] = "mcp",
                }.WithSamplesBase(session.SamplesBaseUrl),
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
