using VisualAgent.Codegen.Plans;
using VisualAgent.Drivers;

namespace VisualAgent.Codegen.Writers;

/// <summary>A .NET 10 file-based app on Selenium.WebDriver, Debian's chromedriver and the system Chromium (offline).</summary>
public sealed class SeleniumCSharpWriter : ScriptWriter
{
    public const string SeleniumVersion = "4.52.0";

    public override ScriptTarget Target => ScriptTarget.SeleniumCSharp;

    private protected override PlaywrightLocators.Language Language => PlaywrightLocators.Language.CSharp;

    /// <summary>The Selenium selector of a locator: its checked CSS or XPath equivalent.</summary>
    internal static (string Kind, string Value)? Selector(ElementLocator l) =>
        l.Css is { } css ? ("css", css) : l.XPath is { } xp ? ("xpath", xp) : null;

    protected override IReadOnlyList<string> RunInstructions =>
    [
        "Run: dotnet run THIS_FILE.cs   (BASE_URL: the app's address; BROWSER_PATH: Chromium; CHROMEDRIVER_PATH; HEADED=1 shows the browser)",
    ];

    protected override string GoTo(string url) => $"driver.Navigate().GoToUrl({url});";

    protected override void Setup(ScriptPlan plan)
    {
        Line($"#:package Selenium.WebDriver@{SeleniumVersion}");
        Line("#:property PublishAot=false");
        Line();
        Line("using System;");
        Line("using System.IO;");
        Line("using System.Linq;");
        Line("using System.Threading;");
        Line("using OpenQA.Selenium;");
        Line("using OpenQA.Selenium.Chrome;");
        Line("using OpenQA.Selenium.Interactions;");
        Line("using OpenQA.Selenium.Support.UI;");
        Line();
        Line($"var baseUrl = (Environment.GetEnvironmentVariable(\"BASE_URL\") ?? {Quote(plan.BaseUrl ?? "")}).TrimEnd('/');");
        Line("var headed = Environment.GetEnvironmentVariable(\"HEADED\") is \"1\" or \"true\";");
        Line("var downloads = Directory.CreateTempSubdirectory(\"script-downloads-\").FullName;");
        Comment("Selenium Manager must not try to download a driver: the driver is given.");
        Line("Environment.SetEnvironmentVariable(\"SE_OFFLINE\", \"true\");");
        Line("var driverPath = Environment.GetEnvironmentVariable(\"CHROMEDRIVER_PATH\") ?? \"/usr/bin/chromedriver\";");
        Line("var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));");
        Line("service.SuppressInitialDiagnosticInformation = true;");
        Line("var options = new ChromeOptions { BinaryLocation = Environment.GetEnvironmentVariable(\"BROWSER_PATH\") ?? \"/usr/bin/chromium\" };");
        Line($"options.AddArguments(\"--no-sandbox\", \"--disable-gpu\", \"--disable-background-networking\", \"--disable-component-update\", \"--disable-sync\", \"--no-first-run\", \"--window-size={plan.ViewportWidth},{plan.ViewportHeight}\");");
        Line("if (!headed) options.AddArgument(\"--headless=new\");");
        Line("options.AddUserProfilePreference(\"download.default_directory\", downloads);");
        Line("options.AddUserProfilePreference(\"download.prompt_for_download\", false);");
        Line("using var driver = new ChromeDriver(service, options);");
        Line("var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(15));");
        Line("IWebElement Find(By by) => wait.Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed))!;");
        if (plan.Steps.Any(s => s.Verb is ScriptVerb.Check or ScriptVerb.Uncheck))
        {
            Line("bool IsChecked(IWebElement e) => e.Selected || e.GetDomAttribute(\"aria-checked\") == \"true\";");
        }

        if (ChecksText(plan))
        {
            EmbedShownText("const string PageShowsText = \"\"\"", "\"\"\";");
            Line("object? Shows(Dictionary<string, object> args) => ((IJavaScriptExecutor)driver).ExecuteScript(\"return (\" + PageShowsText + \")(arguments[0]);\", args);");
            Line("void ShowsText(int index, string text, int seconds)");
            Line("{");
            Line("    try");
            Line("    {");
            Line("        new WebDriverWait(driver, TimeSpan.FromSeconds(seconds)).Until(_ => Shows(new() { [\"text\"] = text, [\"scroll\"] = true }) is not null);");
            Line("    }");
            Line("    catch (WebDriverTimeoutException)");
            Line("    {");
            Line("        throw new InvalidOperationException($\"step {index}: {Shows(new() { [\"text\"] = text, [\"explain\"] = true })}\");");
            Line("    }");
            Line("}");
        }
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

        var locator = Choose(step, l => Selector(l) is not null);
        var by = locator is null ? null : By(locator);
        if (locator?.Frames is { Count: > 0 } frames)
        {
            foreach (var frame in frames)
            {
                Line($"driver.SwitchTo().Frame(Find(By.CssSelector({Quote(frame)})));");
            }
        }

        switch (step.Verb)
        {
            case ScriptVerb.Open:
                Line(GoTo(Url(step.Url!, step.RelativeToBase)));
                break;
            case ScriptVerb.Click:
                if (by is not null)
                {
                    Line($"Find({by}).Click();");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"new Actions(driver).MoveToLocation({(int)x}, {(int)y}).Click().Perform();");
                }

                break;
            case ScriptVerb.DoubleClick or ScriptVerb.RightClick or ScriptVerb.Hover:
                var gesture = step.Verb switch { ScriptVerb.DoubleClick => "DoubleClick()", ScriptVerb.RightClick => "ContextClick()", _ => "" };
                if (by is not null)
                {
                    Line($"new Actions(driver).MoveToElement(Find({by})){(gesture.Length == 0 ? "" : "." + gesture)}.Perform();");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"new Actions(driver).MoveToLocation({(int)x}, {(int)y}){(gesture.Length == 0 ? "" : "." + gesture)}.Perform();");
                }

                break;
            case ScriptVerb.Fill:
                if (by is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"new Actions(driver).MoveToLocation({(int)x}, {(int)y}).Click().SendKeys({Expression(step.Text!)}).Perform();");
                }
                else
                {
                    Line("{");
                    Indent();
                    if (step.KeyByKey is { } why)
                    {
                        // SendKeys always types key by key; the comment says why it matters here.
                        Comment(why + ".");
                    }

                    Line($"var field = Find({by});");
                    Line("field.Clear();");
                    Line($"field.SendKeys({Expression(step.Text!)});");
                    if (step.ExpectValue is { } expected)
                    {
                        Line($"if (field.GetDomProperty(\"value\") != {Quote(expected)}) throw new InvalidOperationException({Quote($"step {step.Index}: the field does not hold \"{expected}\"")});");
                    }

                    if (step.Submit)
                    {
                        Line("field.SendKeys(Keys.Enter);");
                    }

                    Outdent();
                    Line("}");
                    break;
                }

                if (step.Submit)
                {
                    Line("new Actions(driver).SendKeys(Keys.Enter).Perform();");
                }

                break;
            case ScriptVerb.TypeKeys:
                Line($"new Actions(driver).SendKeys({Expression(step.Text!)}).Perform();");
                if (step.Submit)
                {
                    Line("new Actions(driver).SendKeys(Keys.Enter).Perform();");
                }

                break;
            case ScriptVerb.Select:
                var select = by ?? throw new UnsupportedStepException(step.Index, "select with no locator (a drop-down found in pixels only)", Target.Name());
                Line($"Find({select}).FindElement(By.XPath({Quote($".//option[normalize-space(.)={XPathLiteral(step.Value ?? "")}]")})).Click();");
                break;
            case ScriptVerb.Check or ScriptVerb.Uncheck:
                if (by is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"new Actions(driver).MoveToLocation({(int)x}, {(int)y}).Click().Perform();");
                    break;
                }

                var check = step.Verb == ScriptVerb.Check;
                Line("{");
                Indent();
                Line($"var box = Find({by});");
                Line($"if ({(check ? "!" : "")}IsChecked(box)) box.Click();");
                Line($"if ({(check ? "!" : "")}IsChecked(box)) throw new InvalidOperationException({Quote($"step {step.Index}: not {(check ? "checked" : "unchecked")}")});");
                Outdent();
                Line("}");
                break;
            case ScriptVerb.Press:
                Line(Keys(step.Index, step.Keys ?? []));
                break;
            case ScriptVerb.Scroll:
                var amount = (int)(step.Amount ?? 0);
                if (by is not null)
                {
                    Line($"new Actions(driver).MoveToElement(Find({by})).ScrollByAmount(0, {amount}).Perform();");
                }
                else
                {
                    Line($"new Actions(driver).ScrollByAmount(0, {amount}).Perform();");
                }

                break;
            case ScriptVerb.Upload:
                var upload = by ?? throw new UnsupportedStepException(step.Index, "upload with no locator", Target.Name());
                Line($"driver.FindElement({upload}).SendKeys({Quote(step.Value ?? "")});");
                break;
            case ScriptVerb.WaitText or ScriptVerb.Verify:
                Line($"ShowsText({step.Index}, {Expression(step.Text!)}, {TextSeconds(step)});");
                break;
            case ScriptVerb.WaitDownload:
                Line("{");
                Indent();
                Line("var saved = new WebDriverWait(driver, TimeSpan.FromSeconds(30)).Until(_ => Directory.GetFiles(downloads).FirstOrDefault(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(\".crdownload\", StringComparison.Ordinal) && new FileInfo(f).Length > 0))!;");
                if (step.DownloadName is { } name && Path.GetExtension(name) is { Length: > 0 } ext)
                {
                    Line($"if (!saved.EndsWith({Quote(ext)}, StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($\"Expected a {ext} download (the run got {name}), got {{Path.GetFileName(saved)}}.\");");
                }

                Line("Console.WriteLine($\"  downloaded {saved}\");");
                Outdent();
                Line("}");
                break;
            case ScriptVerb.Wait:
                Line($"Thread.Sleep({(int)((step.Amount ?? 1) * 1000)});");
                break;
            case ScriptVerb.Back:
                Line("driver.Navigate().Back();");
                break;
            case ScriptVerb.Manual:
                Comment("A person did this step by hand in the recorded run. Do it in the browser (run with HEADED=1), then press Enter.");
                Line($"if (!headed) throw new InvalidOperationException({Quote($"Step {step.Index} was done by hand in the recorded run: run with HEADED=1 and do it in the browser.")});");
                Line("Console.ReadLine();");
                break;
            case ScriptVerb.Drag:
                var (dx, dy) = PointOf(step);
                var (ex, ey) = step.Point2!.Value;
                Line($"new Actions(driver).MoveToLocation({(int)dx}, {(int)dy}).ClickAndHold().MoveToLocation({(int)ex}, {(int)ey}).Release().Perform();");
                break;
        }

        if (locator?.Frames is { Count: > 0 })
        {
            Line("driver.SwitchTo().DefaultContent();");
        }

        Line();
    }

    protected override void AssertUrl(string url)
    {
        Line($"var finalUrl = {url};");
        Line("try");
        Line("{");
        Line("    new WebDriverWait(driver, TimeSpan.FromSeconds(5)).Until(d => d.Url == finalUrl);");
        Line("}");
        Line("catch (WebDriverTimeoutException)");
        Line("{");
        Line("    throw new InvalidOperationException($\"The run ended on {finalUrl}, the script on {driver.Url}.\");");
        Line("}");
    }

    protected override void Teardown(ScriptPlan plan)
    {
        Line();
        Line("static void Step(int index, string what) => Console.WriteLine($\"step {index}: {what}\");");
        if (plan.Secrets.Count > 0)
        {
            Line();
            Line("static string Secret(string name) => Environment.GetEnvironmentVariable(name)");
            Line("    ?? throw new InvalidOperationException($\"Set the environment variable {name}: the script types it (a secret, never stored in this file).\");");
        }
    }

    private static string By(ElementLocator locator) => Selector(locator) is ("css", var css) ? $"By.CssSelector({Quote(css)})" : $"By.XPath({Quote(Selector(locator)!.Value.Value)})";

    private string Keys(int step, IReadOnlyList<string> keys)
    {
        var modifiers = keys.Where(IsModifier).Select(k => $"Keys.{SeleniumKey(step, k)}").ToList();
        var rest = keys.Where(k => !IsModifier(k)).Select(k => SeleniumKey(step, k) is { } named ? $"Keys.{named}" : Quote(k)).ToList();
        var chain = "new Actions(driver)";
        chain += string.Concat(modifiers.Select(m => $".KeyDown({m})"));
        chain += string.Concat(rest.Select(r => $".SendKeys({r})"));
        chain += string.Concat(modifiers.AsEnumerable().Reverse().Select(m => $".KeyUp({m})"));
        return chain + ".Perform();";
    }

    internal static string XPathLiteral(string value) =>
        !value.Contains('\'', StringComparison.Ordinal) ? $"'{value}'"
        : !value.Contains('"', StringComparison.Ordinal) ? $"\"{value}\""
        : "concat('" + value.Replace("'", "', \"'\", '", StringComparison.Ordinal) + "')";
}
