using System.Text.Json;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// `codegen --image`: a script from a screenshot of the samples login page and a goal, the targets found by the OCR
/// grounder or by a (simulated) model, locators from each target's label and kind, counted on the live page with --url
/// and the script run with --verify; bad input refused with what to do.
/// </summary>
public sealed class CodegenImageTests(E2eFixture fixture)
{
    private const string Goal = "type \"alice\" into the Username field; type \"{{secret:VA_IMAGE_PW}}\" into the Password field; click the \"Log in\" button; verify \"Welcome, alice\"";

    [Fact]
    public async Task CodegenImage_OcrGrounderOnALoginScreenshot_LocatorsResolveOnTheLivePageAndTheScriptPasses()
    {
        using var work = new TempFolder("codegen-image");
        var shot = await ScreenshotAsync(work, "login.png");
        var env = new Dictionary<string, string> { ["VA_IMAGE_PW"] = DemoWorkflow.Password, ["CI"] = "true" };

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(3),
            "codegen", "--image", shot, "--goal", Goal, "--target", "playwright-ts", "--url", fixture.Samples.Url("login/"), "--verify", "--json");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["textbox", "textbox", "button", null], steps.Select(s => Text(s, "role")));
        Assert.Equal(["Username", "Password", "Log in", null], steps.Select(s => Text(s, "label")));
        foreach (var step in steps.Take(3))
        {
            var first = step.GetProperty("locators")[0];
            Assert.Equal("role", first.GetProperty("kind").GetString());
            Assert.True(first.GetProperty("resolved").GetBoolean(), step.ToString());
        }

        // "Log in" as text matches the button and the page's other "Log in" text: counted, not used.
        Assert.Contains(steps[2].GetProperty("locators").EnumerateArray(), l => l.GetProperty("kind").GetString() == "text" && !l.GetProperty("resolved").GetBoolean());
        Assert.True(json.RootElement.GetProperty("check").GetProperty("passed").GetBoolean(), stdout);
        Assert.True(json.RootElement.GetProperty("verify").GetProperty("passed").GetBoolean(), stdout);
        var script = await File.ReadAllTextAsync(json.RootElement.GetProperty("script").GetString()!, TestContext.Current.CancellationToken);
        Assert.Contains("getByRole('textbox', { name: \"Username\", exact: true })", script, StringComparison.Ordinal);
        Assert.Contains("getByRole('button', { name: \"Log in\", exact: true })", script, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoWorkflow.Password, script, StringComparison.Ordinal);

        // The same screenshot with a goal the live page does not satisfy: the script is written, and --verify fails at that step.
        (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, env, TimeSpan.FromMinutes(3),
            "codegen", "--image", shot, "--goal", Goal.Replace("Welcome, alice", "Welcome, bob", StringComparison.Ordinal), "--target", "playwright-ts", "--url", fixture.Samples.Url("login/"), "--verify", "--json");
        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        using var failed = JsonDocument.Parse(stdout);
        Assert.Equal(4, failed.RootElement.GetProperty("verify").GetProperty("failed_step").GetInt32());
    }

    [Fact]
    public async Task CodegenImage_SimulatedModel_PlacesEachTargetWhereTheModelSaysAndBuildsItsLocators()
    {
        using var work = new TempFolder("codegen-image-sim");
        var shot = await ScreenshotAsync(work, "login.png");
        await using var server = new SimulatedServer(DialectRegistry.Get("qwen2.5-vl"), new SimulatedServerOptions { AcceptAnyModel = true });
        await server.StartAsync(TestContext.Current.CancellationToken);
        var size = new PixelSize(1280, 720);
        var boxes = new Dictionary<string, ScreenBox>
        {
            ["the Username field"] = await BoxAsync("username"),
            ["the Password field"] = await BoxAsync("password"),
            ["the \"Log in\" button"] = await BoxAsync("login-btn"),
        };
        foreach (var (instruction, box) in boxes)
        {
            server.RegisterTarget(instruction, box, size);
        }

        var config = Path.Combine(work.Path, "served.json");
        await File.WriteAllTextAsync(config, """{"Models": {"served": {"Kind": "openai", "Endpoint": "ENDPOINT", "Model": "qwen2.5-vl", "Dialect": "qwen2.5-vl", "TimeoutSeconds": 120}}}""".Replace("ENDPOINT", server.BaseUrl, StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, new Dictionary<string, string> { ["CI"] = "true" }, TimeSpan.FromMinutes(2),
            "--config", config, "codegen", "--image", shot, "--goal", Goal, "--target", "playwright-cs", "--model", "served", "--json");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        foreach (var (step, box) in steps.Zip(boxes.Values))
        {
            var p = step.GetProperty("point");
            Assert.True(box.Contains(new ScreenPoint(p[0].GetDouble(), p[1].GetDouble())), $"{step}: not in {box}");
            Assert.False(step.GetProperty("locators")[0].TryGetProperty("resolved", out _), step.ToString()); // no --url: not counted
        }

        Assert.True(server.Requests.Count >= 3, "the model was not asked");
        Assert.True(json.RootElement.GetProperty("check").GetProperty("passed").GetBoolean(), stdout);
        var script = await File.ReadAllTextAsync(json.RootElement.GetProperty("script").GetString()!, TestContext.Current.CancellationToken);
        Assert.Contains("GetByRole(AriaRole.Textbox, new() { Name = \"Password\", Exact = true })", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodegenImage_BadInput_SaysWhatWasWrongWithExitCode2()
    {
        using var work = new TempFolder("codegen-image-bad");
        var shot = await ScreenshotAsync(work, "login.png");
        await File.WriteAllTextAsync(Path.Combine(work.Path, "notes.png"), "not an image", TestContext.Current.CancellationToken);
        var cases = new (string[] Args, string Says)[]
        {
            (["--image", "missing.png", "--goal", "click \"x\""], "does not exist"),
            (["--image", "notes.png", "--goal", "click \"x\""], "not a PNG or JPEG"),
            (["--image", shot, "--goal", "make it pretty"], "The goal cannot be read as steps"),
            (["--image", shot], "--image needs --goal"),
            (["--image", shot, "--goal", "click \"Log in\"", "--verify"], "--verify with --image needs --url"),
            (["--image", shot, "--goal", "click the \"Frobnicate\" button"], "was not found on the screenshot"),
        };

        foreach (var (args, says) in cases)
        {
            var (exit, _, stderr) = await CliProcess.RunAsync(work.Path, ["codegen", "--target", "playwright-ts", .. args]);
            Assert.True(exit == 2, $"{string.Join(' ', args)}: exit {exit}\n{stderr}");
            Assert.Contains(says, stderr, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(work.Path, "*.ts"));
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null; // the CLI leaves nulls out

    private async Task<string> ScreenshotAsync(TempFolder work, string name)
    {
        await using var driver = await fixture.Browser.NewDriverAsync(cancellationToken: TestContext.Current.CancellationToken);
        await driver.NavigateAsync(fixture.Samples.Url("login/"), TestContext.Current.CancellationToken);
        var shot = await driver.CaptureAsync(TestContext.Current.CancellationToken);
        var path = Path.Combine(work.Path, name);
        await File.WriteAllBytesAsync(path, shot.Png.ToArray(), TestContext.Current.CancellationToken);
        return path;
    }

    private async Task<ScreenBox> BoxAsync(string id)
    {
        await using var driver = await fixture.Browser.NewDriverAsync(cancellationToken: TestContext.Current.CancellationToken);
        await driver.NavigateAsync(fixture.Samples.Url("login/"), TestContext.Current.CancellationToken);
        var json = await driver.EvaluateAsync($"(() => {{ const r = document.getElementById('{id}').getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }})()", TestContext.Current.CancellationToken);
        var v = JsonSerializer.Deserialize<double[]>(json)!;
        return new ScreenBox(v[0], v[1], v[2], v[3]);
    }
}
