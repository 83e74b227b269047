using System.Text.RegularExpressions;
using VisualAgent.Codegen.Plans;
using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Writers;

/// <summary>A Python script on Selenium (pip install selenium), chromedriver and the system Chromium.</summary>
public sealed class SeleniumPythonWriter : ScriptWriter
{
    public override ScriptTarget Target => ScriptTarget.SeleniumPython;

    private protected override PlaywrightLocators.Language Language => PlaywrightLocators.Language.Python;

    protected override IReadOnlyList<string> RunInstructions =>
    [
        "Run: pip install selenium; python3 THIS_FILE.py",
        "(BASE_URL: the app's address; BROWSER_PATH: Chromium; CHROMEDRIVER_PATH; HEADED=1 shows the browser)",
    ];

    protected override string GoTo(string url) => $"driver.get({url})";

    protected override void Setup(ScriptPlan plan)
    {
        Line("import os");
        Line("import tempfile");
        Line("import time");
        Line();
        Line("from selenium import webdriver");
        if (ChecksText(plan) || plan.FinalUrl is not null)
        {
            Line("from selenium.common.exceptions import TimeoutException");
        }

        Line("from selenium.webdriver.chrome.options import Options");
        Line("from selenium.webdriver.chrome.service import Service");
        Line("from selenium.webdriver.common.action_chains import ActionChains");
        Line("from selenium.webdriver.common.by import By");
        Line("from selenium.webdriver.common.keys import Keys");
        Line("from selenium.webdriver.support.ui import WebDriverWait");
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
            Line("def shows_text(driver, index, text, seconds):");
            Line("    script = \"return (\" + PAGE_SHOWS_TEXT + \")(arguments[0]);\"");
            Line("    try:");
            Line("        WebDriverWait(driver, seconds).until(lambda d: d.execute_script(script, {\"text\": text, \"scroll\": True}) is not None)");
            Line("    except TimeoutException:");
            Line("        raise SystemExit(f\"step {index}: {driver.execute_script(script, {'text': text, 'explain': True})}\")");
            Line();
            Line();
        }

        Line("def main():");
        Indent();
        Line($"base_url = os.environ.get(\"BASE_URL\", {Quote(plan.BaseUrl ?? "")}).rstrip(\"/\")");
        Line("headed = os.environ.get(\"HEADED\") in (\"1\", \"true\")");
        Line("downloads = tempfile.mkdtemp(prefix=\"script-downloads-\")");
        Comment("Selenium Manager must not try to download a driver: the driver is given.");
        Line("os.environ[\"SE_OFFLINE\"] = \"true\"");
        Line("options = Options()");
        Line("options.binary_location = os.environ.get(\"BROWSER_PATH\", \"/usr/bin/chromium\")");
        Line($"for arg in (\"--no-sandbox\", \"--disable-gpu\", \"--disable-background-networking\", \"--disable-component-update\", \"--disable-sync\", \"--no-first-run\", \"--window-size={plan.ViewportWidth},{plan.ViewportHeight}\"):");
        Line("    options.add_argument(arg)");
        Line("if not headed:");
        Line("    options.add_argument(\"--headless=new\")");
        Line("options.add_experimental_option(\"prefs\", {\"download.default_directory\": downloads, \"download.prompt_for_download\": False})");
        Line("driver = webdriver.Chrome(service=Service(os.environ.get(\"CHROMEDRIVER_PATH\", \"/usr/bin/chromedriver\")), options=options)");
        Line("wait = WebDriverWait(driver, 15)");
        Line();
        Line("def find(by, value):");
        Line("    return wait.until(lambda d: next((e for e in d.find_elements(by, value) if e.is_displayed()), None))");
        Line();
        Line("def is_checked(e):");
        Line("    return e.is_selected() or e.get_dom_attribute(\"aria-checked\") == \"true\"");
        Line();
        Line("try:");
        Indent();
    }

    protected override void Step(ScriptPlan plan, ScriptStep step)
    {
        if (step.MiddleButton)
        {
            throw new UnsupportedStepException(step.Index, "middle-button click", Target.Name());
        }

        if (step.ClickCount > 2)
        {
            throw new UnsupportedStepException(step.Index, "triple click", Target.Name());
        }

        var locator = Choose(step, l => SeleniumCSharpWriter.Selector(l) is not null);
        var by = locator is null ? null : By(locator);
        foreach (var frame in locator?.Frames ?? [])
        {
            Line($"driver.switch_to.frame(find(By.CSS_SELECTOR, {Quote(frame)}))");
        }

        switch (step.Verb)
        {
            case ScriptVerb.Open:
                Line(GoTo(Url(step.Url!, step.RelativeToBase)));
                break;
            case ScriptVerb.Click or ScriptVerb.DoubleClick or ScriptVerb.RightClick or ScriptVerb.Hover:
                var gesture = step.Verb switch { ScriptVerb.DoubleClick => ".double_click()", ScriptVerb.RightClick => ".context_click()", ScriptVerb.Click => ".click()", _ => "" };
                if (by is not null)
                {
                    Line(step.Verb == ScriptVerb.Click ? $"find({by}).click()" : $"ActionChains(driver).move_to_element(find({by})){gesture}.perform()");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"ActionChains(driver).move_by_offset({(int)x}, {(int)y}){gesture}.perform()");
                }

                break;
            case ScriptVerb.Fill:
                if (by is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"ActionChains(driver).move_by_offset({(int)x}, {(int)y}).click().send_keys({Expression(step.Text!)}).perform()");
                    if (step.Submit)
                    {
                        Line("ActionChains(driver).send_keys(Keys.ENTER).perform()");
                    }

                    break;
                }

                if (step.KeyByKey is { } why)
                {
                    // send_keys always types key by key; the comment says why it matters here.
                    Comment(why + ".");
                }

                Line($"field = find({by})");
                Line("field.clear()");
                Line($"field.send_keys({Expression(step.Text!)})");
                if (step.ExpectValue is { } expected)
                {
                    Line($"assert field.get_property(\"value\") == {Quote(expected)}, {Quote($"step {step.Index}: the field does not hold \"{expected}\"")}");
                }

                if (step.Submit)
                {
                    Line("field.send_keys(Keys.ENTER)");
                }

                break;
            case ScriptVerb.TypeKeys:
                Line($"ActionChains(driver).send_keys({Expression(step.Text!)}).perform()");
                if (step.Submit)
                {
                    Line("ActionChains(driver).send_keys(Keys.ENTER).perform()");
                }

                break;
            case ScriptVerb.Select:
                var select = by ?? throw new UnsupportedStepException(step.Index, "select with no locator (a drop-down found in pixels only)", Target.Name());
                Line($"find({select}).find_element(By.XPATH, {Quote($".//option[normalize-space(.)={SeleniumCSharpWriter.XPathLiteral(step.Value ?? "")}]")}).click()");
                break;
            case ScriptVerb.Check or ScriptVerb.Uncheck:
                if (by is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"ActionChains(driver).move_by_offset({(int)x}, {(int)y}).click().perform()");
                    break;
                }

                var check = step.Verb == ScriptVerb.Check;
                Line($"box = find({by})");
                Line($"if {(check ? "not " : "")}is_checked(box):");
                Line("    box.click()");
                Line($"assert {(check ? "" : "not ")}is_checked(box), {Quote($"step {step.Index}: not {(check ? "checked" : "unchecked")}")}");
                break;
            case ScriptVerb.Press:
                Line(Keys(step.Index, step.Keys ?? []));
                break;
            case ScriptVerb.Scroll:
                var amount = (int)(step.Amount ?? 0);
                Line(by is not null
                    ? $"ActionChains(driver).move_to_element(find({by})).scroll_by_amount(0, {amount}).perform()"
                    : $"ActionChains(driver).scroll_by_amount(0, {amount}).perform()");
                break;
            case ScriptVerb.Upload:
                var upload = by ?? throw new UnsupportedStepException(step.Index, "upload with no locator", Target.Name());
                Line($"driver.find_element({upload}).send_keys({Quote(step.Value ?? "")})");
                break;
            case ScriptVerb.WaitText or ScriptVerb.Verify:
                Line($"shows_text(driver, {step.Index}, {Expression(step.Text!)}, {TextSeconds(step)})");
                break;
            case ScriptVerb.WaitDownload:
                Line("saved = WebDriverWait(driver, 30).until(lambda d: next((os.path.join(downloads, f) for f in os.listdir(downloads) if not f.startswith(\".\") and not f.endswith(\".crdownload\") and os.path.getsize(os.path.join(downloads, f)) > 0), None))");
                if (step.DownloadName is { } name && Path.GetExtension(name) is { Length: > 0 } ext)
                {
                    Line($"assert saved.lower().endswith({Quote(ext.ToLowerInvariant())}), f\"Expected a {ext} download (the run got {name}), got {{saved}}.\"");
                }

                Line("print(f\"  downloaded {saved}\")");
                break;
            case ScriptVerb.Wait:
                Line($"time.sleep({Num(step.Amount ?? 1)})");
                break;
            case ScriptVerb.Back:
                Line("driver.back()");
                break;
            case ScriptVerb.Manual:
                Comment("A person did this step by hand in the recorded run. Do it in the browser (run with HEADED=1), then press Enter.");
                Line("if not headed:");
                Line($"    raise SystemExit({Quote($"Step {step.Index} was done by hand in the recorded run: run with HEADED=1 and do it in the browser.")})");
                Line("input(\"Press Enter when done: \")");
                break;
            case ScriptVerb.Drag:
                var (dx, dy) = PointOf(step);
                var (ex, ey) = step.Point2!.Value;
                Line($"ActionChains(driver).move_by_offset({(int)dx}, {(int)dy}).click_and_hold().move_by_offset({(int)(ex - dx)}, {(int)(ey - dy)}).release().perform()");
                break;
        }

        if (locator?.Frames is { Count: > 0 })
        {
            Line("driver.switch_to.default_content()");
        }

        Line();
    }

    protected override void AssertUrl(string url)
    {
        Line($"final_url = {url}");
        Line("try:");
        Line("    WebDriverWait(driver, 5).until(lambda d: d.current_url == final_url)");
        Line("except TimeoutException:");
        Line("    raise SystemExit(f\"The run ended on {final_url}, the script on {driver.current_url}.\")");
    }

    protected override void Teardown(ScriptPlan plan)
    {
        Outdent();
        Line("finally:");
        Line("    driver.quit()");
        Outdent();
        Line();
        Line();
        Line("if __name__ == \"__main__\":");
        Line("    main()");
    }

    private static string By(ElementLocator locator) => SeleniumCSharpWriter.Selector(locator) is ("css", var css) ? $"By.CSS_SELECTOR, {Quote(css)}" : $"By.XPATH, {Quote(SeleniumCSharpWriter.Selector(locator)!.Value.Value)}";

    private string Keys(int step, IReadOnlyList<string> keys)
    {
        var modifiers = keys.Where(IsModifier).Select(k => $"Keys.{Upper(SeleniumKey(step, k)!)}").ToList();
        var rest = keys.Where(k => !IsModifier(k)).Select(k => SeleniumKey(step, k) is { } named ? $"Keys.{Upper(named)}" : Quote(k)).ToList();
        var chain = "ActionChains(driver)";
        chain += string.Concat(modifiers.Select(m => $".key_down({m})"));
        chain += string.Concat(rest.Select(r => $".send_keys({r})"));
        chain += string.Concat(modifiers.AsEnumerable().Reverse().Select(m => $".key_up({m})"));
        return chain + ".perform()";
    }

    /// <summary>Python's Keys names from the W3C key values: ArrowUp -> ARROW_UP, PageDown -> PAGE_DOWN, Control -> CONTROL.</summary>
    private static string Upper(string name) => Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant();
}
