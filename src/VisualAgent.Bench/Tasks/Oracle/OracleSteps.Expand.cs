using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Planning;

namespace VisualAgent.Bench.Tasks.Oracle;

/// <summary>One solution step to the actions that carry it out (empty + advance = nothing to do).</summary>
internal sealed partial class OracleSteps
{
    private static readonly (IReadOnlyList<AgentAction>, bool) Skip = ([], true);

    private async Task<(IReadOnlyList<AgentAction> Actions, bool Advance)> ExpandAsync(StepIntent step, Screenshot shot, CancellationToken ct)
    {
        switch (step.Verb)
        {
            case StepVerb.Done:
                return ([new DoneAction(DoneStatus.Success)], true);
            case StepVerb.Press:
                return ([new KeyAction(step.Keys ?? [])], true);
            case StepVerb.Back:
                return ([new KeyAction(["alt", "left"])], true);
            case StepVerb.Verify or StepVerb.WaitForText:
                return await VerifyAsync(step, ct).ConfigureAwait(false);
            case StepVerb.WaitForDownload:
                return ([new WaitAction(1)], true);
            case StepVerb.Wait:
                return ([new WaitAction(step.Amount ?? 1)], true);
            case StepVerb.Open:
                Note($"\"{step.Source}\": the model action vocabulary cannot open a URL");
                return ([new DoneAction(DoneStatus.Failure, "cannot open a URL")], true);
            case StepVerb.Scroll:
                return ([await ScrollAsync(step, shot, ct).ConfigureAwait(false)], true);
        }

        if (PageTargetFinder.IsDialogTarget(step.Target))
        {
            // The agent answers native dialogs itself (policy), so by now there is nothing left to click or type into.
            Note($"\"{step.Source}\": skipped, the agent's policy answers native dialogs");
            return Skip;
        }

        if (step.Verb == StepVerb.Type && step.Target is null)
        {
            return ([new TypeAction(step.Value ?? "", step.Submit)], true);
        }

        var target = await LocateAsync(step.Target ?? "", shot, ct).ConfigureAwait(false);
        if (target is null)
        {
            return ([new WaitAction(0.5)], false);
        }

        if (!target.Visible)
        {
            return ([new ScrollAction(target.ScrollAt?.X, target.ScrollAt?.Y, 0, target.ScrollDy)], false);
        }

        var (x, y) = (target.Box.Center.X, target.Box.Center.Y);
        switch (step.Verb)
        {
            case StepVerb.Type:
                return ([new ClickAction(x, y, MouseButton.Left, target.HasValue ? 3 : 1), new TypeAction(step.Value ?? "", step.Submit)], true);
            case StepVerb.Select:
                return ([new SelectAction(x, y, step.Value ?? "")], true);
            case StepVerb.Check or StepVerb.Uncheck:
                return target.Checked == (step.Verb == StepVerb.Check) ? Skip : ([new ClickAction(x, y)], true);
            case StepVerb.DoubleClick:
                return ([new ClickAction(x, y, MouseButton.Left, 2)], true);
            case StepVerb.RightClick:
                return ([new ClickAction(x, y, MouseButton.Right)], true);
            case StepVerb.Hover:
                return ([new MoveAction(x, y)], true);
            case StepVerb.Upload:
                Note($"\"{step.Source}\": the model action vocabulary has no upload; the model can only click the field");
                return ([new ClickAction(x, y)], true);
            default:
                return ([new ClickAction(x, y)], true);
        }
    }

    private async Task<PageTarget?> LocateAsync(string description, Screenshot shot, CancellationToken ct)
    {
        if (await PageTargetFinder.FindAsync(driver, description, ct).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        if (fallback is not null && await fallback.GroundAsync(new GroundingRequest(shot, description), ct).ConfigureAwait(false) is { Found: true } g)
        {
            Note($"\"{description}\" is not in the DOM; located on the screenshot by the {fallback.Name} grounder");
            return new PageTarget(g.Box ?? new ScreenBox(g.Point.X, g.Point.Y, g.Point.X, g.Point.Y), true);
        }

        return null;
    }

    /// <summary>A competent model that already sees the text moves on; otherwise it waits a second and looks again (a few times).</summary>
    private async Task<(IReadOnlyList<AgentAction>, bool)> VerifyAsync(StepIntent step, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(step.Value) || await PageTargetFinder.ShowsTextAsync(driver, step.Value, ct).ConfigureAwait(false))
        {
            return Skip;
        }

        if (_tries >= MaxVerifyWaits)
        {
            Note($"\"{step.Source}\": the text did not appear; moving on");
            return Skip;
        }

        return ([new WaitAction(1)], false);
    }

    private async Task<AgentAction> ScrollAsync(StepIntent step, Screenshot shot, CancellationToken ct)
    {
        var screen = Math.Round(shot.ScrollHeight * 0.8);
        var dy = step.Amount ?? (string.Equals(step.Value, "up", StringComparison.OrdinalIgnoreCase) || step.Value?.Contains("top", StringComparison.OrdinalIgnoreCase) == true ? -screen : screen);
        if (step.Target is { } t && await LocateAsync(t, shot, ct).ConfigureAwait(false) is { Visible: true } target)
        {
            return new ScrollAction(target.Box.Center.X, target.Box.Center.Y, 0, dy);
        }

        return new ScrollAction(null, null, 0, dy);
    }
}
