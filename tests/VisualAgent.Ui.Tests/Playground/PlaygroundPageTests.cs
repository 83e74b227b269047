using System.Globalization;
using Microsoft.Playwright;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;
using VisualAgent.Tests.Support;
using VisualAgent.Ui.Server;
using static Microsoft.Playwright.Assertions;

namespace VisualAgent.Tests.Playground;

/// <summary>The playground page in headless Chromium: upload, ground, save and reload, bad input.</summary>
public sealed class PlaygroundPageTests(UiFixture ui)
{
    [Fact]
    public async Task Ground_ExportButtonWithTheOfflineGrounder_DrawsTheBoxOverTheButton()
    {
        var page = await ui.OpenAsync();

        await UploadOrdersAsync(page);
        await GroundAsync(page, "the Export CSV button");

        var box = page.Locator("#overlay rect.box");
        await Expect(box).ToHaveCountAsync(1);
        var (x, y, w, h) = await RectAsync(box);
        var button = ui.ExportButton;
        Assert.InRange(x + (w / 2), button.X, button.X + button.Width);
        Assert.InRange(y + (h / 2), button.Y, button.Y + button.Height);
        await Expect(page.Locator("#log li.reply").Last).ToContainTextAsync("found at");
        var drawn = await box.BoundingBoxAsync();
        Assert.True(drawn is { Width: > 5, Height: > 5 }, "the box is drawn with a visible size over the image");
        await page.CloseAsync();
    }

    [Fact]
    public async Task SaveAndLoad_GroundingConversation_BringsBackMessagesImageAndBox()
    {
        var name = "saved-" + Guid.NewGuid().ToString("N")[..6];
        var page = await ui.OpenAsync();
        await UploadOrdersAsync(page);
        await GroundAsync(page, "the Export CSV button");
        await page.FillAsync("#save-name", name);
        await page.ClickAsync("#save");
        await Expect(page.Locator("#notice")).ToContainTextAsync($"Saved as \"{name}\"");
        await page.CloseAsync();
        Assert.True(File.Exists(Path.Combine(ui.DataFolder, "conversations", name, "conversation.json")), "saved under the data folder");

        var again = await ui.OpenAsync();
        await Expect(again.Locator($"#saved option[value=\"{name}\"]")).ToHaveCountAsync(1);
        await again.SelectOptionAsync("#saved", name);
        await again.ClickAsync("#load");

        await Expect(again.Locator("#notice")).ToContainTextAsync($"Loaded \"{name}\"");
        await Expect(again.Locator("#log li")).ToHaveCountAsync(2);
        await Expect(again.Locator("#log li.reply")).ToContainTextAsync("found at");
        await Expect(again.Locator("#thumbs button")).ToHaveCountAsync(1);
        await Expect(again.Locator("#overlay rect.box")).ToHaveCountAsync(1);
        await Expect(again.Locator("#current")).ToHaveJSPropertyAsync("naturalWidth", 1280);
        await again.CloseAsync();
    }

    [Fact]
    public async Task ExportCode_AfterGrounding_WritesAPlaywrightScriptByLocatorWithTheFoundPointAsACommentedFallbackThatCompiles()
    {
        var page = await ui.OpenAsync();
        await UploadOrdersAsync(page);
        await GroundAsync(page, "the Export CSV button");
        var (x, y, w, h) = await RectAsync(page.Locator("#overlay rect.box"));

        await page.SelectOptionAsync("#export-target", "playwright-cs");
        await page.FillAsync("#export-url", ui.Samples.Url("orders/"));
        await page.ClickAsync("#export");

        await Expect(page.Locator("#export-note")).ToContainTextAsync("it compiles", new() { Timeout = 60_000 });
        var source = await page.Locator("#export-code").InnerTextAsync();
        Assert.Contains(ui.Samples.Url("").TrimEnd('/'), source, StringComparison.Ordinal);
        Assert.Contains("\"/orders/\"", source, StringComparison.Ordinal);
        Assert.Contains("await page.GetByRole(AriaRole.Button, new() { Name = \"Export CSV\", Exact = true }).ClickAsync(", source, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"// Fallback: offline found it on the screenshot at x={x + (w / 2):0.#} y={y + (h / 2):0.#}"), source, StringComparison.Ordinal);
        Assert.DoesNotContain("page.Mouse.ClickAsync(", source, StringComparison.Ordinal); // the point is a comment, not the click
        Assert.Contains("Width = 1280, Height = 720", source, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task ExportCode_TypeScript_UsesTheLocatorsOfCodegenImageForEachTarget()
    {
        var page = await ui.OpenAsync();
        await UploadOrdersAsync(page);
        await GroundAsync(page, "the Export CSV button");
        await GroundAsync(page, "\"Orders\"");

        await page.SelectOptionAsync("#export-target", "playwright-ts");
        await page.FillAsync("#export-url", ui.Samples.Url("orders/"));
        await page.ClickAsync("#export");

        await Expect(page.Locator("#export-note")).ToContainTextAsync("it compiles", new() { Timeout = 60_000 });
        var source = await page.Locator("#export-code").InnerTextAsync();
        Assert.True(source.Contains("getByRole('button', { name: \"Export CSV\", exact: true })", StringComparison.Ordinal), source);
        Assert.True(source.Contains("getByText(\"Orders\", { exact: true })", StringComparison.Ordinal), source);
        Assert.Contains("// Fallback: offline found it on the screenshot at", source, StringComparison.Ordinal);
        await Expect(page.Locator("#export-note")).ToContainTextAsync("not checked on the page");
        await page.CloseAsync();
    }

    [Fact]
    public async Task SetOfMarks_OverTheOrdersScreenshot_NumbersTheTextWhereThePageHasIt_AndChoosingAMarkGroundsIt()
    {
        var heading = await HeadingTextBoxAsync();
        var page = await ui.OpenAsync();
        await UploadOrdersAsync(page);

        await page.CheckAsync("#show-marks");

        var marks = page.Locator("#overlay g.som");
        await Expect(marks.First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        var count = await marks.CountAsync();
        Assert.True(count >= 8, $"only {count} marks over the orders page");
        await Expect(page.Locator("#marks button")).ToHaveCountAsync(count);
        await Expect(marks.Nth(0).Locator("text.som-n")).ToHaveTextAsync("1");
        await Expect(marks.Nth(count - 1).Locator("text.som-n")).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
        var orders = page.Locator("#overlay g.som[data-text=\"Orders\"]");
        await Expect(orders).ToHaveCountAsync(1);
        var (x, y, w, h) = await RectAsync(orders.Locator("rect.som-box"));
        // The mark's box (OCR, glyphs) lies within the heading's text box on the page (DOM, line box) and spans most of it.
        Assert.InRange(x, heading.X - 4, heading.X + heading.Width);
        Assert.InRange(x + w, heading.X, heading.X + heading.Width + 4);
        Assert.InRange(y, heading.Y - 4, heading.Y + heading.Height);
        Assert.InRange(y + h, heading.Y, heading.Y + heading.Height + 4);
        Assert.True(w >= heading.Width * 0.7, $"the mark is {w} px wide, the heading's text {heading.Width}");

        var n = await orders.GetAttributeAsync("data-n");
        await orders.ClickAsync();

        await Expect(page.Locator("#log li.user").Last).ToContainTextAsync("ground: \"Orders\"");
        await Expect(page.Locator("#log li.reply").Last).ToContainTextAsync("found at");
        var (bx, by, bw, bh) = await RectAsync(page.Locator("#overlay rect.box"));
        Assert.InRange(bx + (bw / 2), heading.X, heading.X + heading.Width);
        Assert.InRange(by + (bh / 2), heading.Y, heading.Y + heading.Height);
        await Expect(page.Locator($"#marks button[data-n=\"{n}\"]")).ToHaveCountAsync(1);
        await Expect(marks).ToHaveCountAsync(count + 1); // the found box is a mark too

        await page.UncheckAsync("#show-marks");
        await Expect(marks).ToHaveCountAsync(0);
        await Expect(page.Locator("#marks")).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task ExportCode_WithNoUrl_SaysToGiveThePageUrl()
    {
        var page = await ui.OpenAsync();
        await UploadOrdersAsync(page);
        await GroundAsync(page, "the Export CSV button");

        await page.ClickAsync("#export");

        await Expect(page.Locator("#notice")).ToContainTextAsync("Give the http(s) URL of the page the screenshots show");
        await page.CloseAsync();
    }

    [Fact]
    public async Task PasteAndDrop_Screenshots_AreUploadedLikeChosenFiles()
    {
        var page = await ui.OpenAsync();
        var base64 = Convert.ToBase64String(await File.ReadAllBytesAsync(ui.OrdersShot, TestContext.Current.CancellationToken));
        const string Make = """
            (b64) => {
              const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
              const data = new DataTransfer();
              data.items.add(new File([bytes], 'clip.png', { type: 'image/png' }));
              return data;
            }
            """;

        await page.EvaluateAsync($$"""(b64) => document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: ({{Make}})(b64), bubbles: true }))""", base64);
        await Expect(page.Locator("#thumbs button")).ToHaveCountAsync(1);
        await page.EvaluateAsync($$"""(b64) => document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: ({{Make}})(b64), bubbles: true, cancelable: true }))""", base64);

        await Expect(page.Locator("#thumbs button")).ToHaveCountAsync(2);
        await Expect(page.Locator("#thumbs button").Last).ToContainTextAsync("clip.png (1280×720)");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ReadText_OfTheOrdersPage_ListsItsLinesAndDrawsThem()
    {
        var page = await ui.OpenAsync();
        await UploadOrdersAsync(page);

        await page.SelectOptionAsync("#mode", "ocr");
        await page.ClickAsync("#send");

        await Expect(page.Locator("#log li.reply")).ToContainTextAsync("Orders");
        await Expect(page.Locator("#log li.reply")).ToContainTextAsync("Status");
        await Expect(page.Locator("#log li.reply .meta")).ToContainTextAsync("lines");
        Assert.True(await page.Locator("#overlay rect.line").CountAsync() > 3, "each line read is drawn as a box");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ImageBudget_MaxPixelsOfAQwen3VlProfile_ShowsTheImageTokensItImplies()
    {
        var page = await ui.OpenAsync();
        await UploadOrdersAsync(page);
        await page.SelectOptionAsync("#profile", "sim-qwen3-vl");
        var dialect = DialectRegistry.Get("qwen3-vl");
        var original = new VisualAgent.Geometry.PixelSize(1280, 720);
        var full = dialect.SizeToSend(original, dialect.DefaultBudget);
        await Expect(page.Locator("#tokens")).ToContainTextAsync($"image tokens: {VisualAgent.Models.Imaging.ImageTokens.Count("qwen3-vl", full)} (1280x720 → {full}");

        await page.FillAsync("#max_pixels", "200000");
        await page.Locator("#max_pixels").DispatchEventAsync("change");

        var small = dialect.SizeToSend(original, dialect.DefaultBudget with { MaxPixels = 200_000 });
        Assert.NotEqual(full, small);
        await Expect(page.Locator("#tokens")).ToContainTextAsync($"image tokens: {VisualAgent.Models.Imaging.ImageTokens.Count("qwen3-vl", small)} (1280x720 → {small}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Upload_ATextFile_ShowsWhatIsWrongAndTheNextUploadWorks()
    {
        var page = await ui.OpenAsync();

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not a picture"u8.ToArray() });

        await Expect(page.Locator("#notice")).ToContainTextAsync("notes.txt is not an image the playground reads");
        await Expect(page.Locator("#notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#thumbs button")).ToHaveCountAsync(0);
        await UploadOrdersAsync(page);
        await Expect(page.Locator("#notice")).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_SaysTheLimit()
    {
        var page = await ui.OpenAsync();
        var big = new byte[UiFixture.UploadLimit + (1024 * 1024)];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(big, 0);

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "huge.png", MimeType = "image/png", Buffer = big });

        await Expect(page.Locator("#notice")).ToContainTextAsync("huge.png is 5 MB; the limit is 4 MB");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Profiles_AnUnreachableHttpProfile_IsShownDownWithWhatToStart()
    {
        var page = await ui.OpenAsync();

        await Expect(page.Locator("#profile option[value=flaky]")).ToContainTextAsync("down");
        await page.SelectOptionAsync("#profile", "flaky");

        await Expect(page.Locator("#profile-status")).ToContainTextAsync("Start its server");
        await Expect(page.Locator("#profile option[value=offline]")).ToContainTextAsync("ready");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Ask_ModelGoesDownMidChat_ShowsAMessageAndTheServerKeepsWorking()
    {
        var sim = new SimulatedServer(DialectRegistry.Get("qwen3-vl"));
        await sim.StartAsync(TestContext.Current.CancellationToken);
        var config = UiFixture.Configuration(new Dictionary<string, string?>
        {
            ["Models:midchat:Kind"] = "openai",
            ["Models:midchat:Endpoint"] = sim.BaseUrl,
            ["Models:midchat:Model"] = "qwen3-vl",
            ["Models:midchat:Dialect"] = "qwen3-vl",
        });
        await using var server = await UiServer.StartAsync(ui.Settings(config) with { DataFolder = Path.Combine(ui.Root, "data-midchat") }, TestContext.Current.CancellationToken);
        var page = await ui.OpenAsync("", server);
        await UploadOrdersAsync(page);
        await page.SelectOptionAsync("#profile", "midchat");
        await page.SelectOptionAsync("#mode", "describe");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#log li.reply")).ToContainTextAsync("SIMULATED");

        await sim.DisposeAsync();
        await page.ClickAsync("#send");

        await Expect(page.Locator("#log li.error")).ToContainTextAsync("midchat");
        var message = await page.Locator("#log li.error").InnerTextAsync();
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        await Expect(page.Locator("#notice")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#profile", "offline");
        await GroundAsync(page, "the Export CSV button");
        await Expect(page.Locator("#log li.reply").Last).ToContainTextAsync("found at");
        await page.CloseAsync();
    }

    /// <summary>The box of the orders page's heading text ("Orders") at the screenshot's viewport, from the DOM.</summary>
    private async Task<(double X, double Y, double Width, double Height)> HeadingTextBoxAsync()
    {
        var live = await ui.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await live.GotoAsync(ui.Samples.Url("orders/"));
        var box = await live.EvaluateAsync<double[]>("() => { const r = document.createRange(); r.selectNodeContents(document.getElementById('orders-heading')); const b = r.getBoundingClientRect(); return [b.x, b.y, b.width, b.height]; }");
        await live.CloseAsync();
        return (box[0], box[1], box[2], box[3]);
    }

    private async Task UploadOrdersAsync(IPage page)
    {
        var before = await page.Locator("#thumbs button").CountAsync();
        await page.SetInputFilesAsync("#file", ui.OrdersShot);
        await Expect(page.Locator("#thumbs button")).ToHaveCountAsync(before + 1);
        await Expect(page.Locator("#stage")).ToBeVisibleAsync();
    }

    private static async Task GroundAsync(IPage page, string target)
    {
        var replies = await page.Locator("#log li.reply").CountAsync();
        await page.SelectOptionAsync("#mode", "ground");
        await page.FillAsync("#prompt", target);
        await page.ClickAsync("#send");
        await Expect(page.Locator("#log li.reply")).ToHaveCountAsync(replies + 1);
    }

    private static async Task<(double X, double Y, double W, double H)> RectAsync(ILocator rect)
    {
        async Task<double> Read(string name) => double.Parse(await rect.GetAttributeAsync(name) ?? "NaN", CultureInfo.InvariantCulture);
        return (await Read("x"), await Read("y"), await Read("width"), await Read("height"));
    }
}
