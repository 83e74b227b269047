using System.Diagnostics;
using VisualAgent.Actions;
using VisualAgent.Agent.Policy;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Planning;

namespace VisualAgent.Agent;

/// <summary>The verbs of the offline grammar, one method each.</summary>
internal sealed partial class StepExecutor
{
    private async Task<bool> OpenAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var url = ResolveUrl(intent.Value ?? "", run.Driver.CurrentUrl);
        await _actor.EnforceAsync(run.Policy.CheckNavigation(url), trace, cancellationToken).ConfigureAwait(false);
        run.Policy.NoteStart(url);
        var started = Stopwatch.GetTimestamp();
        await run.Driver.NavigateAsync(url, cancellationToken).ConfigureAwait(false);
        trace.ActMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        run.Current = null;
        return false;
    }

    private async Task<bool> BackAsync(CancellationToken cancellationToken)
    {
        await run.Driver.GoBackAsync(cancellationToken).ConfigureAwait(false);
        run.Current = null;
        return true;
    }

    private async Task<bool> PointAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var target = await _locator.LocateAsync(Required(intent.Target, intent), trace, cancellationToken).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, cancellationToken).ConfigureAwait(false);
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element), trace, cancellationToken).ConfigureAwait(false);
        var (x, y) = (target.Point.X, target.Point.Y);
        AgentAction action = intent.Verb switch
        {
            StepVerb.DoubleClick => new ClickAction(x, y, MouseButton.Left, 2),
            StepVerb.RightClick => new ClickAction(x, y, MouseButton.Right),
            StepVerb.Hover => new MoveAction(x, y),
            _ => new ClickAction(x, y),
        };
        trace.Action = action with { Box = target.Box?.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return intent.Verb is StepVerb.Click or StepVerb.DoubleClick;
    }

    private async Task<bool> TypeAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var written = intent.Value ?? "";
        var recorded = new TypeAction(written, intent.Submit);
        if (intent.Target is null)
        {
            await _actor.EnforceAsync(_actor.Check(intent, null), trace, cancellationToken).ConfigureAwait(false);
            trace.Action = recorded;
            await _actor.ActAsync(new TypeAction(run.Secrets.Resolve(written), intent.Submit), trace, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var target = await _locator.LocateAsync(intent.Target, trace, cancellationToken).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, cancellationToken).ConfigureAwait(false);
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element), trace, cancellationToken).ConfigureAwait(false);
        var text = run.Secrets.Resolve(written);
        if (trace.Element?.IsPassword == true || SecretResolver.ContainsSecret(written))
        {
            var p = target.Point;
            run.AddSensitiveBox(trace.Element?.Box ?? target.Box ?? new ScreenBox(p.X - 200, p.Y - 30, p.X + 200, p.Y + 30), run.Driver.CurrentUrl);
        }

        KeyAction selectAll = new(["ctrl", "a"]), clear = new(["backspace"]);
        trace.Action = new ClickAction(target.Point.X, target.Point.Y) { Box = target.Box?.ToArray(), Then = [selectAll, clear, recorded] };
        await _actor.ActAsync(new ClickAction(target.Point.X, target.Point.Y), trace, cancellationToken).ConfigureAwait(false);
        await _actor.ActAsync(selectAll, trace, cancellationToken).ConfigureAwait(false);
        await _actor.ActAsync(clear, trace, cancellationToken).ConfigureAwait(false);
        await _actor.ActAsync(new TypeAction(text, intent.Submit), trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> SelectAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var option = Required(intent.Value, intent);
        ScreenPoint point;
        ScreenBox? box = null;
        if (intent.Target is null)
        {
            point = await _actor.FindSelectAsync(option, cancellationToken).ConfigureAwait(false)
                ?? throw new StepFailedException($"no list on the page has the option \"{option}\"");
        }
        else
        {
            var target = await _locator.LocateAsync(intent.Target, trace, cancellationToken).ConfigureAwait(false);
            (point, box) = (target.Point, target.Box);
        }

        trace.Element = await _actor.ElementAtAsync(point, cancellationToken).ConfigureAwait(false);
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element), trace, cancellationToken).ConfigureAwait(false);
        trace.Action = new SelectAction(point.X, point.Y, option) { Box = box?.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> CheckAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var target = await _locator.LocateAsync(Required(intent.Target, intent), trace, cancellationToken).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, cancellationToken).ConfigureAwait(false);
        var want = intent.Verb == StepVerb.Check;
        if (await _actor.CheckedAtAsync(target.Point, cancellationToken).ConfigureAwait(false) == want)
        {
            trace.Notes.Add($"\"{target.Text}\" is already {(want ? "checked" : "unchecked")}");
            return false;
        }

        await _actor.EnforceAsync(_actor.Check(intent, trace.Element), trace, cancellationToken).ConfigureAwait(false);
        trace.Action = new ClickAction(target.Point.X, target.Point.Y) { Box = target.Box?.ToArray() };
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> PressAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        trace.Action = new KeyAction(intent.Keys is { Count: > 0 } keys ? keys : throw new UsageException($"The step \"{intent.Source}\" names no key."));
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> ScrollAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var shot = run.Current ?? await run.CaptureAsync(cancellationToken).ConfigureAwait(false);
        var screen = Math.Round(shot.Size.Height / Math.Max(0.1, shot.DeviceScaleFactor) * run.Options.ScrollFraction);
        var dy = intent.Amount ?? (intent.Value == "up" ? -screen : screen);
        ScreenPoint? at = intent.Target is null ? null
            : (await _locator.LocateAsync(intent.Target, trace, cancellationToken).ConfigureAwait(false)).Point;
        trace.Action = new ScrollAction(at?.X, at?.Y, 0, dy);
        await _actor.ActAsync(trace.Action, trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> UploadAsync(StepIntent intent, StepTrace trace, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(Required(intent.Value, intent));
        if (!File.Exists(file))
        {
            throw new UsageException($"The file to upload does not exist: {file}.");
        }

        var target = await _locator.LocateAsync(Required(intent.Target, intent), trace, cancellationToken).ConfigureAwait(false);
        trace.Element = await _actor.ElementAtAsync(target.Point, cancellationToken).ConfigureAwait(false);
        await _actor.EnforceAsync(_actor.Check(intent, trace.Element), trace, cancellationToken).ConfigureAwait(false);
        trace.Action = new ClickAction(target.Point.X, target.Point.Y) { Box = target.Box?.ToArray() };
        var started = Stopwatch.GetTimestamp();
        var outcome = await run.Driver.UploadAsync(target.Point, [file], cancellationToken).ConfigureAwait(false);
        trace.ActMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        run.Current = null;
        await _actor.AfterAsync(outcome, trace, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private static string Required(string? value, StepIntent intent) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"The step \"{intent.Source}\" is missing its target or value.") : value;

    /// <summary>Absolute URLs as they are; "/path" against the current page; "host:port/..." gets http:// (localhost) or https://.</summary>
    internal static string ResolveUrl(string url, string? current)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "file" or "about" or "data")
        {
            return url;
        }

        if ((url.StartsWith('/') || url.StartsWith("./", StringComparison.Ordinal)) && current is not null
            && Uri.TryCreate(current, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "http" or "https" or "file")
        {
            return new Uri(baseUri, url).ToString();
        }

        var local = url.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || url.StartsWith("127.", StringComparison.Ordinal);
        return (local ? "http://" : "https://") + url;
    }
}
