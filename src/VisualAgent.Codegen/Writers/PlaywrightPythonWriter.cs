using VisualAgent.Codegen.Plans;
using static VisualAgent.Codegen.Writers.PlaywrightLocators;

namespace VisualAgent.Codegen.Writers;

/// <summary>A Python script on Playwright's sync API (pip install playwright) and the system Chromium.</summary>
public sealed class PlaywrightPythonWriter : ScriptWriter
{
    public override ScriptTarget Target => ScriptTarget.PlaywrightPython;

    private protected override PlaywrightLocators.Language Language => PlaywrightLocators.Language.Python;

    protected override IReadOnlyList<string> RunInstructions =>
    [
        "Run: pip install playwright; python3 THIS_FILE.py",
        "(BASE_URL: the app's address; BROWSER_PATH: Chromium; HEADED=1 shows the browser)",
    ];

    protected override string GoTo(string url) => $"page.goto({url})";

    protected override void Setup(ScriptPlan plan)
    {
        Line("import os");
        Line("import tempfile");
        Line();
        Line("from playwright.sync_api import expect, sync_playwright");
        if (ChecksText(plan))
        {
            Line("from playwright.sync_api import TimeoutError as PlaywrightTimeoutError");
        }

        Line();
        Line();
        Line("def step(index, what):");
        Line("    print(f\"step {index}: {what}\", flush=True)");
        Line();
        Line();
        Line("def secret(name):");
        Line("    value = os.environ.get(name)");
        Line("    if value is None:");
        Line("        raise SystemExit(f\"Set the environment variable {name}: the script types it (a secret, never stored in this file).\")");
        Line("    return value");
        Line();
        Line();
        if (ChecksText(plan))
        {
            EmbedShownText("PAGE_SHOWS_TEXT = r'''", "'''");
            Line();
            Line();
            Line("def shows_text(page, index, text, timeout):");
            Line("    shows = \"args => (\" + PAGE_SHOWS_TEXT + \")(args)\"");
            Line("    try:");
            Line("        page.wait_for_function(shows, arg={\"text\": text, \"scroll\": True}, timeout=timeout)");
            Line("    except PlaywrightTimeoutError:");
            Line("        raise SystemExit(f\"step {index}: {page.evaluate(shows, {'text': text, 'explain': True})}\")");
            Line();
            Line();
        }

        Line("def main():");
        Indent();
        Line($"base_url = os.environ.get(\"BASE_URL\", {Quote(plan.BaseUrl ?? "")}).rstrip(\"/\")");
        Line("headed = os.environ.get(\"HEADED\") in (\"1\", \"true\")");
        Line("downloads = tempfile.mkdtemp(prefix=\"script-downloads-\")");
        Line("with sync_playwright() as p:");
        Indent();
        Line("browser = p.chromium.launch(");
        Line("    executable_path=os.environ.get(\"BROWSER_PATH\", \"/usr/bin/chromium\"),");
        Line("    headless=not headed,");
        Line("    args=[\"--no-sandbox\", \"--disable-gpu\", \"--disable-background-networking\", \"--disable-component-update\", \"--disable-sync\", \"--no-first-run\"],");
        Line(")");
        Line($"context = browser.new_context(viewport={{\"width\": {plan.ViewportWidth}, \"height\": {plan.ViewportHeight}}}, accept_downloads=True)");
        Line("page = context.new_page()");
        Line("page.set_default_timeout(15000)");
    }

    protected override void Step(ScriptPlan plan, ScriptStep step)
    {
        var locator = Choose(step, Usable);
        var l = locator is null ? null : Render(locator, Language.Python);
        if (step.StartsDownload)
        {
            Line($"with page.expect_download() as download_{step.Index}:");
            Indent();
        }

        switch (step.Verb)
        {
            case ScriptVerb.Open:
                Line(GoTo(Url(step.Url!, step.RelativeToBase)));
                break;
            case ScriptVerb.Click or ScriptVerb.DoubleClick or ScriptVerb.RightClick:
                var options = new List<string>();
                if (step.MiddleButton || step.Verb == ScriptVerb.RightClick)
                {
                    options.Add($"button=\"{(step.MiddleButton ? "middle" : "right")}\"");
                }

                var count = step.Verb == ScriptVerb.DoubleClick ? 2 : step.ClickCount;
                if (count > 1)
                {
                    options.Add($"click_count={count}");
                }

                if (l is not null)
                {
                    Line($"{l}.click({string.Join(", ", options)})");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"page.mouse.click({string.Join(", ", new[] { Num(x), Num(y) }.Concat(options))})");
                }

                break;
            case ScriptVerb.Hover:
                if (l is not null)
                {
                    Line($"{l}.hover()");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"page.mouse.move({Num(x)}, {Num(y)})");
                }

                break;
            case ScriptVerb.Fill:
                if (l is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"page.mouse.click({Num(x)}, {Num(y)})");
                    Line($"page.keyboard.type({Expression(step.Text!)})");
                }
                else
                {
                    if (step.KeyByKey is { } why)
                    {
                        // press_sequentially types into what the field holds: cleared first, as the run cleared it.
                        Comment(why + ".");
                        Line($"{l}.clear()");
                        Line($"{l}.press_sequentially({Expression(step.Text!)})");
                    }
                    else
                    {
                        Line($"{l}.fill({Expression(step.Text!)})");
                    }

                    if (step.ExpectValue is { } expected)
                    {
                        Line($"expect({l}).to_have_value({Quote(expected)})");
                    }
                }

                if (step.Submit)
                {
                    Line("page.keyboard.press(\"Enter\")");
                }

                break;
            case ScriptVerb.TypeKeys:
                Line($"page.keyboard.type({Expression(step.Text!)})");
                if (step.Submit)
                {
                    Line("page.keyboard.press(\"Enter\")");
                }

                break;
            case ScriptVerb.Select:
                Line($"{l ?? throw new UnsupportedStepException(step.Index, "select with no locator (a drop-down found in pixels only)", Target.Name())}.select_option(label={Quote(step.Value ?? "")})");
                break;
            case ScriptVerb.Check or ScriptVerb.Uncheck:
                if (l is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"page.mouse.click({Num(x)}, {Num(y)})");
                    break;
                }

                var check = step.Verb == ScriptVerb.Check;
                Line($"{l}.{(check ? "check" : "uncheck")}()");
                Line($"expect({l}).{(check ? "to_be_checked()" : "not_to_be_checked()")}");
                break;
            case ScriptVerb.Press:
                Line($"page.keyboard.press({Quote(PlaywrightKeys(step.Index, step.Keys ?? []))})");
                break;
            case ScriptVerb.Scroll:
                if (l is not null)
                {
                    Line($"{l}.hover()");
                }
                else if (step.Point is { } sp)
                {
                    Line($"page.mouse.move({Num(sp.X)}, {Num(sp.Y)})");
                }

                Line($"page.mouse.wheel(0, {Num(step.Amount ?? 0)})");
                break;
            case ScriptVerb.Upload:
                Line($"{l ?? throw new UnsupportedStepException(step.Index, "upload with no locator", Target.Name())}.set_input_files({Quote(step.Value ?? "")})");
                break;
            case ScriptVerb.WaitText or ScriptVerb.Verify:
                Line($"shows_text(page, {step.Index}, {Expression(step.Text!)}, {TextSeconds(step) * 1000})");
                break;
            case ScriptVerb.WaitDownload:
                var previous = plan.Steps.LastOrDefault(s => s.Index < step.Index && s.StartsDownload);
                if (previous is null)
                {
                    Line("with page.expect_download() as download_info:");
                    Line("    pass");
                    Line("download = download_info.value");
                }
                else
                {
                    Line($"download = download_{previous.Index}.value");
                }

                Line("saved = os.path.join(downloads, download.suggested_filename)");
                Line("download.save_as(saved)");
                Line("assert os.path.getsize(saved) > 0, f\"The download {download.suggested_filename} is empty.\"");
                if (step.DownloadName is { } name && Path.GetExtension(name) is { Length: > 0 } ext)
                {
                    Line($"assert saved.lower().endswith({Quote(ext.ToLowerInvariant())}), f\"Expected a {ext} download (the run got {name}), got {{download.suggested_filename}}.\"");
                }

                Line("print(f\"  downloaded {saved}\")");
                break;
            case ScriptVerb.Wait:
                Line($"page.wait_for_timeout({Num((step.Amount ?? 1) * 1000)})");
                break;
            case ScriptVerb.Back:
                Line("page.go_back()");
                break;
            case ScriptVerb.Manual:
                Comment("A person did this step by hand in the recorded run. Do it in the browser (run with HEADED=1), then resume.");
                Line("if not headed:");
                Line($"    raise SystemExit({Quote($"Step {step.Index} was done by hand in the recorded run: run with HEADED=1 and do it in the browser.")})");
                Line("page.pause()");
                break;
            case ScriptVerb.Drag:
                var (dx, dy) = PointOf(step);
                var (ex, ey) = step.Point2!.Value;
                Line($"page.mouse.move({Num(dx)}, {Num(dy)})");
                Line("page.mouse.down()");
                Line($"page.mouse.move({Num(ex)}, {Num(ey)}, steps=10)");
                Line("page.mouse.up()");
                break;
        }

        if (step.StartsDownload)
        {
            Outdent();
        }

        Line();
    }

    protected override void AssertUrl(string url) => Line($"expect(page).to_have_url({url}, timeout=5000)");

    protected override void Teardown(ScriptPlan plan)
    {
        Line("browser.close()");
        Outdent();
        Outdent();
        Line();
        Line();
        Line("if __name__ == \"__main__\":");
        Line("    main()");
    }
}
