using System.Text.Json;
using ModelContextProtocol.Protocol;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Mcp;

/// <summary>`visual-agent mcp` driven by the SDK's own client over stdio, against the bundled sample apps (offline default).</summary>
public sealed class McpServerTests
{
    [Fact]
    public async Task Mcp_ListTools_HasEveryToolAndTheRunsResource()
    {
        await using var mcp = await McpClientSession.StartAsync();

        var tools = await mcp.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var templates = await mcp.Client.ListResourceTemplatesAsync(cancellationToken: TestContext.Current.CancellationToken);
        var resources = await mcp.Client.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["act", "bench_score", "export_script", "ground", "ocr", "replay", "run_task", "screenshot"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains(resources, r => r.Uri == "visualagent://runs");
        Assert.Contains(templates, t => t.UriTemplate == "visualagent://runs/{id}/report");
    }

    [Fact]
    public async Task Ground_SampleScreenshotFile_PointLiesInTheButtonTheDomNames()
    {
        await using var mcp = await McpClientSession.StartAsync();
        var shot = Path.Combine(mcp.Folder, "login.png");

        var taken = await mcp.CallAsync("screenshot", new() { ["url"] = "samples:login/", ["save_to"] = shot });
        var dom = McpClientSession.Json(await mcp.CallAsync("ground", new() { ["instruction"] = "the \"Log in\" button" }));
        var ocr = await mcp.CallAsync("ground", new() { ["instruction"] = "the Log in button", ["image_path"] = shot, ["model"] = "ocr" });

        Assert.NotEqual(true, taken.IsError);
        Assert.Single(taken.Content.OfType<ImageContentBlock>());
        Assert.True(File.Exists(shot));
        // The live page's DOM gives the truth (and the element's facts); the file is grounded on its pixels alone.
        Assert.True(dom.GetProperty("found").GetBoolean(), dom.ToString());
        Assert.Equal("button", dom.GetProperty("element").GetProperty("role").GetString());
        var box = dom.GetProperty("box").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var found = McpClientSession.Json(ocr);
        Assert.NotEqual(true, ocr.IsError);
        Assert.Equal("image", found.GetProperty("source").GetString());
        Assert.True(found.GetProperty("found").GetBoolean(), found.ToString());
        var point = found.GetProperty("point").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(point[0], box[0], box[2]);
        Assert.InRange(point[1], box[1], box[3]);
    }

    [Fact]
    public async Task BadArguments_AreToolErrorsThatSayWhat_AndTheServerKeepsServing()
    {
        await using var mcp = await McpClientSession.StartAsync();

        var missing = await mcp.CallAsync("ground", new());
        var unknown = await mcp.CallAsync("ground", new() { ["instruction"] = "x", ["imagepath"] = "a.png" });
        var wrongType = await mcp.CallAsync("ocr", new() { ["words"] = "yes" });
        var noFile = await mcp.CallAsync("ground", new() { ["instruction"] = "the OK button", ["image_path"] = "nope.png" });
        var noPage = await mcp.CallAsync("screenshot", new());
        var badAction = await mcp.CallAsync("act", new() { ["action"] = "{\"action\":\"teleport\"}", ["url"] = "samples:login/" });
        var noPredictions = await mcp.CallAsync("bench_score", new() { ["predictions_path"] = "missing.jsonl" });
        var still = await mcp.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.All([missing, unknown, wrongType, noFile, noPage, badAction, noPredictions], r => Assert.True(r.IsError));
        Assert.Contains("'instruction' is required", McpClientSession.Text(missing), StringComparison.Ordinal);
        Assert.Contains("'imagepath' is not an argument of ground", McpClientSession.Text(unknown), StringComparison.Ordinal);
        Assert.Contains("'words' must be boolean", McpClientSession.Text(wrongType), StringComparison.Ordinal);
        Assert.Contains("does not exist", McpClientSession.Text(noFile), StringComparison.Ordinal);
        Assert.Contains("No page is open yet", McpClientSession.Text(noPage), StringComparison.Ordinal);
        Assert.Contains("action", McpClientSession.Text(badAction), StringComparison.Ordinal);
        Assert.Contains("does not exist", McpClientSession.Text(noPredictions), StringComparison.Ordinal);
        Assert.Equal(8, still.Count);
    }

    [Fact]
    public async Task RunTask_SampleLogin_SucceedsAndTheRunIsAResource()
    {
        await using var mcp = await McpClientSession.StartAsync(environment: new Dictionary<string, string?> { ["PW"] = "wonderland" });

        var result = await mcp.CallAsync("run_task", new()
        {
            ["instruction"] = "type alice into the Username field; type {{secret:PW}} into the Password field; click the Log in button",
            ["url"] = "samples:login/",
        });
        var run = McpClientSession.Json(result);
        var id = run.GetProperty("id").GetString()!;
        var runJson = await mcp.Client.ReadResourceAsync($"visualagent://runs/{id}", cancellationToken: TestContext.Current.CancellationToken);
        var list = await mcp.Client.ReadResourceAsync("visualagent://runs", cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(3, run.GetProperty("steps").GetInt32());
        var recorded = JsonDocument.Parse(runJson.Contents.OfType<TextResourceContents>().Single().Text).RootElement;
        Assert.Equal("succeeded", recorded.GetProperty("status").GetString());
        Assert.Equal("mcp", recorded.GetProperty("settings").GetProperty("via").GetString());
        Assert.DoesNotContain("wonderland", runJson.Contents.OfType<TextResourceContents>().Single().Text, StringComparison.Ordinal);
        Assert.Contains(id, list.Contents.OfType<TextResourceContents>().Single().Text, StringComparison.Ordinal);

        var export = await mcp.CallAsync("export_script", new() { ["run"] = id, ["target"] = "playwright-ts" });
        var unknown = await mcp.CallAsync("export_script", new() { ["run"] = id, ["target"] = "cobol" });
        var script = McpClientSession.Json(export);
        Assert.NotEqual(true, export.IsError);
        Assert.True(script.GetProperty("check").GetProperty("passed").GetBoolean(), script.GetProperty("check").ToString());
        Assert.Equal(3, script.GetProperty("steps").GetInt32());
        Assert.Contains("secret(\"PW\")", script.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wonderland", script.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.True(unknown.IsError);
        Assert.Contains("Unknown target 'cobol'", McpClientSession.Text(unknown), StringComparison.Ordinal);

        var replay = await mcp.CallAsync("replay", new() { ["run"] = id });
        var replayed = McpClientSession.Json(replay);
        Assert.NotEqual(true, replay.IsError);
        Assert.True(replayed.GetProperty("succeeded").GetBoolean(), replayed.ToString());
        Assert.Equal(0, replayed.GetProperty("model_calls").GetInt32());
        Assert.Equal(3, replayed.GetProperty("cache_hits").GetInt32());
    }

    [Fact]
    public async Task Act_RiskyClick_IsAskedThroughElicitation_AndADeclineBlocksIt()
    {
        var asked = new List<string>();
        await using var mcp = await McpClientSession.StartAsync(request =>
        {
            asked.Add(request?.Message ?? "");
            return new ElicitResult { Action = "decline" };
        });

        var (x, y) = await DeleteButtonAsync(mcp);
        var click = await mcp.CallAsync("act", new() { ["action"] = $"{{\"action\":\"click\",\"x\":{x},\"y\":{y}}}", ["screenshot_after"] = false });
        var after = McpClientSession.Json(await mcp.CallAsync("ground", new() { ["instruction"] = "\"Account deleted\"" }));

        Assert.True(click.IsError);
        Assert.Contains("blocked by the safety policy", McpClientSession.Text(click), StringComparison.Ordinal);
        Assert.Contains("denied (decline) by the client's user", McpClientSession.Text(click), StringComparison.Ordinal);
        Assert.Single(asked);
        Assert.Contains("Delete", asked[0], StringComparison.Ordinal);
        Assert.False(after.GetProperty("found").GetBoolean(), "the click was blocked, so the page must not say the account was deleted");
    }

    [Fact]
    public async Task Act_RiskyClick_AcceptedThroughElicitation_IsDone()
    {
        await using var mcp = await McpClientSession.StartAsync(_ => new ElicitResult
        {
            Action = "accept",
            Content = new Dictionary<string, JsonElement> { ["allow"] = JsonSerializer.SerializeToElement(true) },
        });

        var (x, y) = await DeleteButtonAsync(mcp);
        var click = await mcp.CallAsync("act", new() { ["action"] = $"{{\"action\":\"click\",\"x\":{x},\"y\":{y}}}" });
        var after = McpClientSession.Json(await mcp.CallAsync("ground", new() { ["instruction"] = "\"Account deleted\"" }));

        Assert.NotEqual(true, click.IsError);
        Assert.Contains("allowed by the client's user", McpClientSession.Text(click), StringComparison.Ordinal);
        Assert.True(after.GetProperty("found").GetBoolean(), after.ToString());
    }

    [Fact]
    public async Task Act_RiskyClick_ClientWithoutElicitation_IsDeniedAtOnceAndSaysWhy()
    {
        await using var mcp = await McpClientSession.StartAsync();

        var (x, y) = await DeleteButtonAsync(mcp);
        var click = await mcp.CallAsync("act", new() { ["action"] = $"{{\"action\":\"click\",\"x\":{x},\"y\":{y}}}" });

        Assert.True(click.IsError);
        Assert.Contains("denied without asking (the client does not support elicitation)", McpClientSession.Text(click), StringComparison.Ordinal);
    }

    private static async Task<(double X, double Y)> DeleteButtonAsync(McpClientSession mcp)
    {
        var found = McpClientSession.Json(await mcp.CallAsync("ground", new() { ["instruction"] = "the \"Delete account\" button", ["url"] = "samples:hostile/" }));
        Assert.True(found.GetProperty("found").GetBoolean(), found.ToString());
        var point = found.GetProperty("point").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (point[0], point[1]);
    }
}
