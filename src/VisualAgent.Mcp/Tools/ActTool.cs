using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Actions;
using VisualAgent.Agent.Policy;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Planning;

namespace VisualAgent.Mcp.Tools;

/// <summary>One action on the live page, checked by the safety policy first (risky steps are asked through elicitation).</summary>
internal sealed class ActTool(McpServices services)
{
    [McpServerTool(Name = "act", Destructive = true, OpenWorld = true)]
    [Description("Do one action on the live page, in screenshot pixels, and report the element hit, the page reached, dialogs and downloads. action is one JSON object as `visual-agent parse` prints it: {\"action\":\"click\",\"x\":640,\"y\":300} (button left|right|middle, count 1|2|3), {\"action\":\"type\",\"text\":\"alice\",\"submit\":false}, {\"action\":\"key\",\"keys\":[\"ctrl\",\"a\"]}, {\"action\":\"scroll\",\"dx\":0,\"dy\":400}, {\"action\":\"move\",\"x\":..,\"y\":..}, {\"action\":\"drag\",...}, {\"action\":\"select\",\"x\":..,\"y\":..,\"option\":\"Red\"}, {\"action\":\"wait\",\"seconds\":1}. Risky steps (delete/pay-like clicks, a password typed in the clear) need the user's yes: asked through elicitation when the client supports it, else denied and reported.")]
    public Task<CallToolResult> ActAsync(
        McpServer server,
        [Description("The action as one JSON object (see the tool description).")] string action,
        [Description("Page to open before acting (optional after the first call).")] string? url = null,
        [Description("Attach the screenshot after the action (default true).")] bool screenshot_after = true,
        CancellationToken cancellationToken = default) =>
        Guard.RunAsync(async () =>
        {
            Guard.Require(action, nameof(action));
            var parsed = Parse(action);
            var prompt = new ElicitationPrompt(server, services.Settings.ConfirmationTimeout);
            var policy = new SafetyPolicy(services.Configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions());
            return await services.WithPageAsync(url, async session =>
            {
                var driver = session.Driver;
                var (intent, element) = await IntentAsync(driver, parsed, cancellationToken).ConfigureAwait(false);
                if (intent is not null)
                {
                    var decision = policy.Check(intent, element, driver.CurrentUrl);
                    if (decision.Verdict == PolicyVerdict.Deny
                        || (decision.Verdict == PolicyVerdict.NeedsConfirmation && !await prompt.ConfirmAsync(decision.Reason!, cancellationToken).ConfigureAwait(false)))
                    {
                        return ToolResults.Error($"blocked by the safety policy: {decision.Reason}. {string.Join(" ", prompt.Asked)} Nothing was done.");
                    }
                }

                var outcome = await driver.ExecuteAsync(parsed, cancellationToken).ConfigureAwait(false);
                var after = screenshot_after ? await driver.CaptureAsync(cancellationToken).ConfigureAwait(false) : null;
                return ToolResults.Ok(new
                {
                    action = System.Text.Json.JsonDocument.Parse(ActionJson.Serialize(parsed)).RootElement,
                    element = outcome.Element,
                    url = outcome.Location ?? driver.CurrentUrl,
                    dialog = outcome.Dialog,
                    downloads = outcome.Downloads,
                    confirmations = prompt.Asked.Count > 0 ? prompt.Asked : null,
                }, after?.Png);
            }, cancellationToken).ConfigureAwait(false);
        });

    private static AgentAction Parse(string json)
    {
        AgentAction? action;
        try
        {
            action = ActionJson.Deserialize(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new UsageException($"action is not a contract action: {ex.Message} Write one JSON object such as {{\"action\":\"click\",\"x\":640,\"y\":300}}.", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new UsageException($"action names no known kind ({ex.Message}): use click, move, drag, scroll, type, key, select or wait.", ex);
        }

        return action switch
        {
            null => throw new UsageException("action is empty: write one JSON object such as {\"action\":\"click\",\"x\":640,\"y\":300}."),
            DoneAction or AnswerAction => throw new UsageException("done and answer end a run; they are not actions on a page."),
            _ => action,
        };
    }

    /// <summary>What the policy needs to judge the action: the step in words and the element it will hit or type into.</summary>
    private static async Task<(StepIntent? Intent, ElementFacts? Element)> IntentAsync(Drivers.Web.PlaywrightDriver driver, AgentAction action, CancellationToken ct)
    {
        switch (action)
        {
            case ClickAction click:
                var hit = await driver.ElementAtAsync(new ScreenPoint(click.X, click.Y), ct).ConfigureAwait(false);
                return (new StepIntent(click.Count > 1 ? StepVerb.DoubleClick : StepVerb.Click) { Target = hit?.Name ?? hit?.Text }, hit);
            case SelectAction select:
                var field = await driver.ElementAtAsync(new ScreenPoint(select.X, select.Y), ct).ConfigureAwait(false);
                return (new StepIntent(StepVerb.Click) { Target = select.Option }, field);
            case TypeAction type:
                var focused = await driver.FocusedAsync(ct).ConfigureAwait(false);
                var facts = focused is null ? null : new ElementFacts { Tag = focused.Tag, Role = focused.Role, Name = focused.Name, Label = focused.Label, Placeholder = focused.Placeholder, InputType = focused.InputType };
                return (new StepIntent(StepVerb.Type) { Value = type.Text, Target = focused?.Name }, facts);
            default:
                return (null, null);
        }
    }
}
