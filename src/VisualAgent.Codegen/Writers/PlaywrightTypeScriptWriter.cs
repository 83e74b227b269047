using VisualAgent.Codegen.Plans;
using static VisualAgent.Codegen.Writers.PlaywrightLocators;

namespace VisualAgent.Codegen.Writers;

/// <summary>A TypeScript script on playwright-core and the system Chromium: compile with tsc, run with node.</summary>
public sealed class PlaywrightTypeScriptWriter : ScriptWriter
{
    public override ScriptTarget Target => ScriptTarget.PlaywrightTypeScript;

    private protected override PlaywrightLocators.Language Language => PlaywrightLocators.Language.TypeScript;

    protected override IReadOnlyList<string> RunInstructions =>
    [
        "Run: npm install playwright-core typescript @types/node; npx tsc THIS_FILE.ts; node THIS_FILE.js",
        "(BASE_URL: the app's address; BROWSER_PATH: Chromium; HEADED=1 shows the browser)",
    ];

    protected override string GoTo(string url) => $"await page.goto({url});";

    protected override void Setup(ScriptPlan plan)
    {
        Line("import { chromium } from 'playwright-core';");
        Line("import * as fs from 'node:fs';");
        Line("import * as os from 'node:os';");
        Line("import * as path from 'node:path';");
        Line();
        Line("function step(index: number, what: string): void {");
        Line("    console.log(`step ${index}: ${what}`);");
        Line("}");
        Line();
        if (plan.Secrets.Count > 0)
        {
            Line("function secret(name: string): string {");
            Line("    const value = process.env[name];");
            Line("    if (value === undefined) throw new Error(`Set the environment variable ${name}: the script types it (a secret, never stored in this file).`);");
            Line("    return value;");
            Line("}");
            Line();
        }

        if (ChecksText(plan))
        {
            EmbedShownText("const PAGE_SHOWS_TEXT = String.raw`", "`;");
            Line("const pageShowsText = new Function('args', 'return (' + PAGE_SHOWS_TEXT + ')(args);') as (args: object) => unknown;");
            Line();
        }

        Line("async function main(): Promise<void> {");
        Indent();
        Line($"const baseUrl = (process.env.BASE_URL ?? {Quote(plan.BaseUrl ?? "")}).replace(/\\/$/, '');");
        Line("const headed = process.env.HEADED === '1' || process.env.HEADED === 'true';");
        Line("const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'script-downloads-'));");
        Line("const browser = await chromium.launch({");
        Line("    executablePath: process.env.BROWSER_PATH ?? '/usr/bin/chromium',");
        Line("    headless: !headed,");
        Line("    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],");
        Line("});");
        Line("try {");
        Indent();
        Line($"const context = await browser.newContext({{ viewport: {{ width: {plan.ViewportWidth}, height: {plan.ViewportHeight} }}, acceptDownloads: true }});");
        Line("const page = await context.newPage();");
        Line("page.setDefaultTimeout(15000);");
        if (ChecksText(plan))
        {
            Line("const showsText = async (index: number, text: string, timeout: number): Promise<void> => {");
            Line("    try {");
            Line("        await page.waitForFunction(pageShowsText, { text, scroll: true }, { timeout });");
            Line("    } catch {");
            Line("        throw new Error(`step ${index}: ${await page.evaluate(pageShowsText, { text, explain: true })}`);");
            Line("    }");
            Line("};");
        }
    }

    protected override void Step(ScriptPlan plan, ScriptStep step)
    {
        var locator = Choose(step, Usable);
        var l = locator is null ? null : Render(locator, Language.TypeScript);
        if (step.StartsDownload)
        {
            Line($"const download{step.Index} = page.waitForEvent('download');");
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
                    options.Add($"button: '{(step.MiddleButton ? "middle" : "right")}'");
                }

                var count = step.Verb == ScriptVerb.DoubleClick ? 2 : step.ClickCount;
                if (count > 1)
                {
                    options.Add($"clickCount: {count}");
                }

                var opts = options.Count == 0 ? "" : $"{{ {string.Join(", ", options)} }}";
                if (l is not null)
                {
                    Line($"await {l}.click({opts});");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"await page.mouse.click({Num(x)}, {Num(y)}{(opts.Length == 0 ? "" : ", " + opts)});");
                }

                break;
            case ScriptVerb.Hover:
                if (l is not null)
                {
                    Line($"await {l}.hover();");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"await page.mouse.move({Num(x)}, {Num(y)});");
                }

                break;
            case ScriptVerb.Fill:
                if (l is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"await page.mouse.click({Num(x)}, {Num(y)});");
                    Line($"await page.keyboard.type({Expression(step.Text!)});");
                    if (step.Submit)
                    {
                        Line("await page.keyboard.press('Enter');");
                    }

                    break;
                }

                if (step.KeyByKey is { } why)
                {
                    // pressSequentially types into what the field holds: cleared first, as the run cleared it.
                    Comment(why + ".");
                    Line($"await {l}.clear();");
                    Line($"await {l}.pressSequentially({Expression(step.Text!)});");
                }
                else
                {
                    Line($"await {l}.fill({Expression(step.Text!)});");
                }

                if (step.ExpectValue is { } expected)
                {
                    Line($"if ((await {l}.inputValue()) !== {Quote(expected)}) throw new Error({Quote($"step {step.Index}: the field does not hold \"{expected}\"")});");
                }

                if (step.Submit)
                {
                    Line($"await {l}.press('Enter');");
                }

                break;
            case ScriptVerb.TypeKeys:
                Line($"await page.keyboard.type({Expression(step.Text!)});");
                if (step.Submit)
                {
                    Line("await page.keyboard.press('Enter');");
                }

                break;
            case ScriptVerb.Select:
                Line($"await {l ?? throw new UnsupportedStepException(step.Index, "select with no locator (a drop-down found in pixels only)", Target.Name())}.selectOption({{ label: {Quote(step.Value ?? "")} }});");
                break;
            case ScriptVerb.Check or ScriptVerb.Uncheck:
                if (l is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"await page.mouse.click({Num(x)}, {Num(y)});");
                    break;
                }

                var check = step.Verb == ScriptVerb.Check;
                Line($"await {l}.{(check ? "check" : "uncheck")}();");
                Line($"if ((await {l}.isChecked()) !== {(check ? "true" : "false")}) throw new Error({Quote($"step {step.Index}: not {(check ? "checked" : "unchecked")}")});");
                break;
            case ScriptVerb.Press:
                Line($"await page.keyboard.press({Quote(PlaywrightKeys(step.Index, step.Keys ?? []))});");
                break;
            case ScriptVerb.Scroll:
                if (l is not null)
                {
                    Line($"await {l}.hover();");
                }
                else if (step.Point is { } sp)
                {
                    Line($"await page.mouse.move({Num(sp.X)}, {Num(sp.Y)});");
                }

                Line($"await page.mouse.wheel(0, {Num(step.Amount ?? 0)});");
                break;
            case ScriptVerb.Upload:
                Line($"await {l ?? throw new UnsupportedStepException(step.Index, "upload with no locator", Target.Name())}.setInputFiles({Quote(step.Value ?? "")});");
                break;
            case ScriptVerb.WaitText or ScriptVerb.Verify:
                Line($"await showsText({step.Index}, {Expression(step.Text!)}, {TextSeconds(step) * 1000});");
                break;
            case ScriptVerb.WaitDownload:
                var previous = plan.Steps.LastOrDefault(s => s.Index < step.Index && s.StartsDownload);
                Line($"const download = await {(previous is null ? "page.waitForEvent('download')" : $"download{previous.Index}")};");
                Line("const saved = path.join(downloads, download.suggestedFilename());");
                Line("await download.saveAs(saved);");
                Line("if (fs.statSync(saved).size === 0) throw new Error(`The download ${download.suggestedFilename()} is empty.`);");
                if (step.DownloadName is { } name && Path.GetExtension(name) is { Length: > 0 } ext)
                {
                    Line($"if (!saved.toLowerCase().endsWith({Quote(ext.ToLowerInvariant())})) throw new Error(`Expected a {ext} download (the run got {name}), got ${{download.suggestedFilename()}}.`);");
                }

                Line("console.log(`  downloaded ${saved}`);");
                break;
            case ScriptVerb.Wait:
                Line($"await page.waitForTimeout({Num((step.Amount ?? 1) * 1000)});");
                break;
            case ScriptVerb.Back:
                Line("await page.goBack();");
                break;
            case ScriptVerb.Manual:
                Comment("A person did this step by hand in the recorded run. Do it in the browser (run with HEADED=1), then resume.");
                Line($"if (!headed) throw new Error({Quote($"Step {step.Index} was done by hand in the recorded run: run with HEADED=1 and do it in the browser.")});");
                Line("await page.pause();");
                break;
            case ScriptVerb.Drag:
                var (dx, dy) = PointOf(step);
                var (ex, ey) = step.Point2!.Value;
                Line($"await page.mouse.move({Num(dx)}, {Num(dy)});");
                Line("await page.mouse.down();");
                Line($"await page.mouse.move({Num(ex)}, {Num(ey)}, {{ steps: 10 }});");
                Line("await page.mouse.up();");
                break;
        }

        Line();
    }

    protected override void AssertUrl(string url)
    {
        Line($"const finalUrl = {url};");
        Line("await page.waitForURL(finalUrl, { timeout: 5000 }).catch(() => undefined);");
        Line("if (page.url() !== finalUrl) throw new Error(`The run ended on ${finalUrl}, the script on ${page.url()}.`);");
    }

    protected override void Teardown(ScriptPlan plan)
    {
        Outdent();
        Line("} finally {");
        Line("    await browser.close();");
        Line("}");
        Outdent();
        Line("}");
        Line();
        Line("main().catch((error: unknown) => {");
        Line("    console.error(error instanceof Error ? error.message : error);");
        Line("    process.exit(1);");
        Line("});");
    }
}
