using System.Diagnostics;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Mcp;

/// <summary>
/// The MCP tool round trip of ground on a 1920x1080 screenshot, as a client sees it (call sent to result read), over
/// stdio. Not in CI (Category=Benchmark); run: dotnet test tests/VisualAgent.Cli.Tests --filter "FullyQualifiedName~McpGroundRoundTrip".
/// Prints medians; asserts only that every call found its target.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class McpGroundRoundTripBenchmark(ITestOutputHelper output)
{
    private const int Rounds = 10;

    [Fact]
    public async Task GroundRoundTrip_1080pScreenshot_MedianPrinted()
    {
        await using var mcp = await McpClientSession.StartAsync(environment: new Dictionary<string, string?>
        {
            ["VISUALAGENT__Browser__ViewportWidth"] = "1920",
            ["VISUALAGENT__Browser__ViewportHeight"] = "1080",
        });
        var shot = Path.Combine(mcp.Folder, "orders-1080p.png");
        var taken = McpClientSession.Json(await mcp.CallAsync("screenshot", new() { ["url"] = "samples:orders/", ["save_to"] = shot }));
        Assert.Equal(1920, taken.GetProperty("width").GetInt32());
        Assert.Equal(1080, taken.GetProperty("height").GetInt32());

        var cases = new (string Name, Dictionary<string, object?> Arguments)[]
        {
            ("ocr model, image file", new() { ["instruction"] = "the Export CSV button", ["image_path"] = shot, ["model"] = "ocr" }),
            ("offline, live page", new() { ["instruction"] = "the \"Export CSV\" button" }),
        };
        foreach (var (name, arguments) in cases)
        {
            var times = new List<double>();
            for (var i = 0; i <= Rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                var result = McpClientSession.Json(await mcp.CallAsync("ground", arguments));
                watch.Stop();
                Assert.True(result.GetProperty("found").GetBoolean(), result.ToString());
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first call warms up (OCR engine, page scripts)
                }
            }

            times.Sort();
            output.WriteLine($"MCP ground round trip, 1920x1080, {name}: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms over {Rounds} calls");
        }
    }
}
