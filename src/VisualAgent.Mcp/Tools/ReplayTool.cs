using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Agent.Policy;
using VisualAgent.Agent.Runs;
using VisualAgent.Codegen.Replay;
using VisualAgent.Hosting;

namespace VisualAgent.Mcp.Tools;

/// <summary>`replay` as a tool: a recorded run again by its locators in a browser of its own, with no model call.</summary>
internal sealed class ReplayTool(McpServices services)
{
    [McpServerTool(Name = "replay", Destructive = true, OpenWorld = true)]
    [Description("Replay a recorded run by the locators each step recorded, with no model call: a step whose locators no longer match is healed by a deterministic ladder (the ranked locators, the element's fingerprint, the step's intent re-grounded through the page). heal: propose (default: healed locators written as a diff beside the run, the recording unchanged), apply (the recording rewritten), off (fail at the first broken step). Secrets are read from the server's environment and typed only on the origin the run typed them on. Opens the page at the viewport the run recorded unless told otherwise. Returns per step how it was found, whether every step's check held, and the viewport used and why.")]
    public Task<CallToolResult> ReplayAsync(
        [Description("A run id from run_task (or a unique prefix of one), or latest.")] string run,
        [Description("off, propose or apply.")] string heal = "propose",
        [Description("Replay against this copy of the app: recorded URLs under the run's base are mapped onto it (samples:PATH for the sample apps).")] string? base_url = null,
        [Description("Viewport WIDTHxHEIGHT in CSS pixels. Default: the one the run recorded (recorded points, scrolls and a responsive layout match it); another one is used with a warning in the result.")] string? viewport = null,
        CancellationToken cancellationToken = default) =>
        Guard.RunAsync(async () =>
        {
            Guard.Require(run, nameof(run));
            var mode = WebReplay.ParseHeal(heal, "heal");
            var details = new RunReader(new RunStore(services.Settings.RunsFolder)).Load(run);
            var downloads = Path.Combine(Path.GetTempPath(), "visual-agent-replay-" + Guid.NewGuid().ToString("N")[..8]);
            var options = services.ReadBrowserOptions(downloads);
            var chosen = WebReplay.Viewport(details, new(options.ViewportWidth, options.ViewportHeight), options.DeviceScaleFactor, viewport, null, "viewport");
            await using var session = await BrowserSession.OpenAsync(options.With(chosen.Size.Width, chosen.Size.Height, chosen.DeviceScaleFactor), WebReplay.NeedsSamples(details, base_url) ? "samples:" : null, services.Settings.Loggers, navigate: false, cancellationToken).ConfigureAwait(false);
            var policy = services.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions();
            var request = WebReplay.Request(mode, base_url is null ? null : session.ResolveUrl(base_url), session.SamplesBaseUrl, policy, Environment.GetEnvironmentVariable, chosen);
            var report = await new ReplayRunner(session.Driver).RunAsync(details, request, cancellationToken).ConfigureAwait(false);
            var reply = ToolResults.Ok(report.Summary(details.Folder));
            reply.IsError = !report.Succeeded;
            return reply;
        });
}
