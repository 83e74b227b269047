using System.Text.Json;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;
using VisualAgent.Vision;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// Each step that acted on an element saves a crop of it (shots/NNN.element.png) cut from the step's masked
/// observation: the element's size plus a little padding, shown in report.html, and blank where a secret is.
/// </summary>
public sealed class ElementCropTests(E2eFixture fixture)
{
    [Fact]
    public async Task Run_Login_EachElementHasACropOfItsSizeAndTheSecretFieldsIsBlanked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var agent = new AgentOnPage(fixture);
        agent.Environment["VA_PW"] = "wonderland";

        var result = await agent.RunAsync(
            "type \"alice\" into the Username field; type \"{{secret:VA_PW}}\" into the Password field; type \"{{secret:VA_PW}}\" into the Password field; click \"Log in\"",
            fixture.Samples.Url("login/"), ct);

        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);
        var steps = RunFolder.Steps(result.Folder);
        Assert.Equal(4, steps.Count);
        var crops = new List<(JsonElement Step, Image Crop)>();
        try
        {
            foreach (var step in steps)
            {
                var crop = RunFolder.String(step, "crop");
                Assert.NotNull(crop);
                Assert.Matches(@"^shots/\d{3}\.element\.png$", crop);
                var image = Image.Decode(await File.ReadAllBytesAsync(Path.Combine(result.Folder, crop), ct));
                crops.Add((step, image));
                // The element's box plus the padding on each side (clamped to the screen), give or take a rounding pixel.
                var json = step.GetProperty("element").GetProperty("box");
                var box = new[] { "x1", "y1", "x2", "y2" }.Select(c => json.GetProperty(c).GetDouble()).ToArray();
                Assert.InRange(image.Width, box[2] - box[0], box[2] - box[0] + (2 * 8) + 2);
                Assert.InRange(image.Height, box[3] - box[1], box[3] - box[1] + (2 * 8) + 2);
            }

            // Step 3 types into the Password field again, with the secret already in it: its crop is the masked field, black inside.
            using (var inner = crops[2].Crop.Crop(new Geometry.ScreenBox(12, 12, crops[2].Crop.Width - 12, crops[2].Crop.Height - 12)))
            {
                Assert.Equal(DrawColor.Black, inner.MeanColor());
            }

            // Control: the same field before the secret (step 2's crop) is a light, empty field, not black.
            using (var inner = crops[1].Crop.Crop(new Geometry.ScreenBox(12, 12, crops[1].Crop.Width - 12, crops[1].Crop.Height - 12)))
            {
                Assert.True(inner.MeanColor().R > 200, $"step 2's field crop is not light: {inner.MeanColor()}");
            }
        }
        finally
        {
            foreach (var (_, image) in crops)
            {
                image.Dispose();
            }
        }

        var report = await File.ReadAllTextAsync(Path.Combine(result.Folder, "report.html"), ct);
        Assert.Contains("src=\"shots/001.element.png\"", report, StringComparison.Ordinal);
    }
}
