using VisualAgent.Codegen.Plans;
using static VisualAgent.Codegen.Writers.PlaywrightLocators;

namespace VisualAgent.Codegen.Writers;

/// <summary>A .NET 10 file-based app (<c>dotnet run script.cs</c>) on Microsoft.Playwright and the system Chromium.</summary>
public sealed class PlaywrightCSharpWriter : ScriptWriter
{
    public const string PlaywrightVersion = "1.64.1";

    public override ScriptTarget Target => ScriptTarget.PlaywrightCSharp;

    private protected override PlaywrightLocators.Language Language => PlaywrightLocators.Language.CSharp;

    protected override IReadOnlyList<string> RunInstructions =>
    [
        "Run: dotnet run THIS_FILE.cs   (BASE_URL: the app's address; BROWSER_PATH: Chromium; HEADED=1 shows the browser)",
    ];

    protected override string GoTo(string url) => $"await page.GotoAsync({url});";

    protected override void Setup(ScriptPlan plan)
    {
        Line($"#:package Microsoft.Playwright@{PlaywrightVersion}");
        Line("#:property PublishAot=false");
        Line();
        Line("using Microsoft.Playwright;");
        Line("using static Microsoft.Playwright.Assertions;");
        Line();
        Line($"var baseUrl = (Environment.GetEnvironmentVariable(\"BASE_URL\") ?? {Quote(plan.BaseUrl ?? "")}).TrimEnd('/');");
        Line("var headed = Environment.GetEnvironmentVariable(\"HEADED\") is \"1\" or \"true\";");
        Line("var downloads = Path.Combine(Path.GetTempPath(), \"script-downloads-\" + Guid.NewGuid().ToString(\"N\")[..8]);");
        Line("using var playwright = await Playwright.CreateAsync();");
        Line("await using var browser = await playwright.Chromium.LaunchAsync(new()");
        Line("{");
        Indent();
        Line("ExecutablePath = Environment.GetEnvironmentVariable(\"BROWSER_PATH\") ?? \"/usr/bin/chromium\",");
        Line("Headless = !headed,");
        Line("Args = [\"--no-sandbox\", \"--disable-gpu\", \"--disable-background-networking\", \"--disable-component-update\", \"--disable-sync\", \"--no-first-run\"],");
        Outdent();
        Line("});");
        Line($"var context = await browser.NewContextAsync(new() {{ ViewportSize = new() {{ Width = {plan.ViewportWidth}, Height = {plan.ViewportHeight} }}, AcceptDownloads = true }});");
        Line("var page = await context.NewPageAsync();");
        Line("page.SetDefaultTimeout(15000);");
        if (ChecksText(plan))
        {
            EmbedShownText("const string PageShowsText = \"\"\"", "\"\"\";");
            Line("async Task ShowsText(int index, string text, float timeout)");
            Line("{");
            Line("    var shows = \"args => (\" + PageShowsText + \")(args)\";");
            Line("    try");
            Line("    {");
            Line("        await page.WaitForFunctionAsync(shows, new Dictionary<string, object> { [\"text\"] = text, [\"scroll\"] = true }, new() { Timeout = timeout });");
            Line("    }");
            Line("    catch (TimeoutException)");
            Line("    {");
            Line("        throw new InvalidOperationException($\"step {index}: {await page.EvaluateAsync<string>(shows, new Dictionary<string, object> { [\"text\"] = text, [\"explain\"] = true })}\");");
            Line("    }");
            Line("}");
        }
    }

    protected override void Step(ScriptPlan plan, ScriptStep step)
    {
        var locator = Choose(step, Usable);
        var l = locator is null ? null : Render(locator, Language.CSharp);
        if (step.StartsDownload)
        {
            Line($"var download{step.Index} = page.WaitForDownloadAsync();");
        }

        switch (step.Verb)
        {
            case ScriptVerb.Open:
                Line(GoTo(Url(step.Url!, step.RelativeToBase)));
                break;
            case ScriptVerb.Click or ScriptVerb.DoubleClick or ScriptVerb.RightClick:
                var button = step.MiddleButton ? "MouseButton.Middle" : step.Verb == ScriptVerb.RightClick ? "MouseButton.Right" : null;
                var count = step.Verb == ScriptVerb.DoubleClick ? 2 : step.ClickCount;
                var options = new List<string>();
                if (button is not null)
                {
                    options.Add($"Button = {button}");
                }

                if (count > 1)
                {
                    options.Add($"ClickCount = {count}");
                }

                if (l is not null)
                {
                    Line($"await {l}.ClickAsync({(options.Count == 0 ? "" : $"new() {{ {string.Join(", ", options)} }}")});");
                }
                else
                {
                    var (x, y) = PointOf(step);
                    Line($"await page.Mouse.ClickAsync({F(x)}, {F(y)}{(options.Count == 0 ? "" : $", new() {{ {string.Join(", ", options)} }}")});");
                }

                break;
            case ScriptVerb.Hover:
                Act(l, step, "HoverAsync()", (x, y) => $"await page.Mouse.MoveAsync({F(x)}, {F(y)});");
                break;
            case ScriptVerb.Fill:
                if (l is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"await page.Mouse.ClickAsync({F(x)}, {F(y)});");
                    Line($"await page.Keyboard.TypeAsync({Expression(step.Text!)});");
                    if (step.Submit)
                    {
                        Line("await page.Keyboard.PressAsync(\"Enter\");");
                    }

                    break;
                }

                if (step.KeyByKey is { } why)
                {
                    // PressSequentially types into what the field holds: cleared first, as the run cleared it.
                    Comment(why + ".");
                    Line($"await {l}.ClearAsync();");
                    Line($"await {l}.PressSequentiallyAsync({Expression(step.Text!)});");
                }
                else
                {
                    Line($"await {l}.FillAsync({Expression(step.Text!)});");
                }

                if (step.ExpectValue is { } expected)
                {
                    Line($"await Expect({l}).ToHaveValueAsync({Quote(expected)});");
                }

                if (step.Submit)
                {
                    Line($"await {l}.PressAsync(\"Enter\");");
                }

                break;
            case ScriptVerb.TypeKeys:
                Line($"await page.Keyboard.TypeAsync({Expression(step.Text!)});");
                if (step.Submit)
                {
                    Line("await page.Keyboard.PressAsync(\"Enter\");");
                }

                break;
            case ScriptVerb.Select:
                if (l is null)
                {
                    throw new UnsupportedStepException(step.Index, "select with no locator (a drop-down found in pixels only)", Target.Name());
                }

                Line($"await {l}.SelectOptionAsync(new SelectOptionValue {{ Label = {Quote(step.Value ?? "")} }});");
                break;
            case ScriptVerb.Check or ScriptVerb.Uncheck:
                var verb = step.Verb == ScriptVerb.Check ? "Check" : "Uncheck";
                if (l is null)
                {
                    var (x, y) = PointOf(step);
                    Line($"await page.Mouse.ClickAsync({F(x)}, {F(y)});");
                    break;
                }

                Line($"await {l}.{verb}Async();");
                Line($"await Expect({l}).{(step.Verb == ScriptVerb.Check ? "ToBeCheckedAsync()" : "Not.ToBeCheckedAsync()")};");
                break;
            case ScriptVerb.Press:
                Line($"await page.Keyboard.PressAsync({Quote(PlaywrightKeys(step.Index, step.Keys ?? []))});");
                break;
            case ScriptVerb.Scroll:
                if (l is not null)
                {
                    Line($"await {l}.HoverAsync();");
                }
                else if (step.Point is { } sp)
                {
                    Line($"await page.Mouse.MoveAsync({F(sp.X)}, {F(sp.Y)});");
                }

                Line($"await page.Mouse.WheelAsync(0, {F(step.Amount ?? 0)});");
                break;
            case ScriptVerb.Upload:
                Line($"await {l ?? throw new UnsupportedStepException(step.Index, "upload with no locator", Target.Name())}.SetInputFilesAsync({Quote(step.Value ?? "")});");
                break;
            case ScriptVerb.WaitText or ScriptVerb.Verify:
                Line($"await ShowsText({step.Index}, {Expression(step.Text!)}, {TextSeconds(step) * 1000});");
                break;
            case ScriptVerb.WaitDownload:
                var previous = plan.Steps.LastOrDefault(s => s.Index < step.Index && s.StartsDownload);
                if (previous is null)
                {
                    Line("var download = await page.WaitForDownloadAsync();");
                }
                else
                {
                    Line($"var download = await download{previous.Index};");
                }

                Line("var saved = Path.Combine(downloads, download.SuggestedFilename);");
                Line("await download.SaveAsAsync(saved);");
                Line("if (new FileInfo(saved).Length == 0) throw new InvalidOperationException($\"The download {download.SuggestedFilename} is empty.\");");
                if (step.DownloadName is { } name && Path.GetExtension(name) is { Length: > 0 } ext)
                {
                    Line($"if (!saved.EndsWith({Quote(ext)}, StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($\"Expected a {ext} download (the run got {name}), got {{download.SuggestedFilename}}.\");");
                }

                Line("Console.WriteLine($\"  downloaded {saved}\");");
                break;
            case ScriptVerb.Wait:
                Line($"await page.WaitForTimeoutAsync({F((step.Amount ?? 1) * 1000)});");
                break;
            case ScriptVerb.Back:
                Line("await page.GoBackAsync();");
                break;
            case ScriptVerb.Manual:
                Comment("A person did this step by hand in the recorded run. Do it in the browser (run with HEADED=1), then press Enter.");
                Line($"if (!headed) throw new InvalidOperationException(\"Step {step.Index} was done by hand in the recorded run: run with HEADED=1 and do it in the browser.\");");
                Line("await page.PauseAsync();");
                break;
            case ScriptVerb.Drag:
                var (dx, dy) = PointOf(step);
                var (ex, ey) = step.Point2!.Value;
                Line($"await page.Mouse.MoveAsync({F(dx)}, {F(dy)});");
                Line("await page.Mouse.DownAsync();");
                Line($"await page.Mouse.MoveAsync({F(ex)}, {F(ey)}, new() {{ Steps = 10 }});");
                Line("await page.Mouse.UpAsync();");
                break;
        }

        Line();
    }

    protected override void AssertUrl(string url) => Line($"await Expect(page).ToHaveURLAsync({url}, new() {{ Timeout = 5000 }});");

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

    private void Act(string? locator, ScriptStep step, string call, Func<double, double, string> atPoint)
    {
        if (locator is not null)
        {
            Line($"await {locator}.{call};");
            return;
        }

        var (x, y) = PointOf(step);
        Line(atPoint(x, y));
    }

    /// <summary>A C# float literal (Playwright .NET takes floats: coordinates, wheel deltas, timeouts).</summary>
    private static string F(double value) => Num(value) + "f";
}
