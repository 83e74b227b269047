using VisualAgent.Codegen.Plans;
using VisualAgent.Ui.Playground;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Codegen;

/// <summary>
/// A grounding conversation as a Codegen <see cref="ScriptPlan"/>: open the page, then click each found target at the
/// point grounded on its screenshot. A screenshot has no DOM, so there is no locator to record: the plan says so in its
/// warnings and each step's comment, and the viewport is the screenshot's size so the points land where they were found.
/// </summary>
internal static class ConversationScript
{
    public static ScriptPlan Plan(ExportRequest request, ImageStore images)
    {
        var url = request.Url?.Trim();
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var start) || (start.Scheme != Uri.UriSchemeHttp && start.Scheme != Uri.UriSchemeHttps))
        {
            throw ApiError.BadRequest("Give the http(s) URL of the page the screenshots show (\"at URL\"): the script opens it before it clicks.");
        }

        var found = (request.Steps ?? []).Where(s => s.Point is { Count: 2 }).ToList();
        if (found.Count == 0)
        {
            throw ApiError.BadRequest("Nothing to export yet: ground at least one target that is found (\"the Export CSV button\"); each becomes a click in the script.");
        }

        var sizes = found.Select(s => s.ImageId is { } id ? images.TryGet(id)?.Size : null).OfType<Geometry.PixelSize>().Distinct().ToList();
        var viewport = sizes.Count > 0 ? sizes[0] : new Geometry.PixelSize(1280, 720);
        var warnings = new List<string>
        {
            $"Grounded on screenshots, not recorded on a live page: each click is at the point found on the screenshot (viewport {viewport.Width}x{viewport.Height}, device scale 1). "
            + "No locator exists for a screenshot; record the steps as a run (`visual-agent run`) for locators that survive layout changes.",
        };
        if (sizes.Count > 1)
        {
            warnings.Add($"The targets were found on screenshots of {sizes.Count} sizes ({string.Join(", ", sizes)}); the script uses the first as its viewport.");
        }

        var steps = new List<ScriptStep>();
        foreach (var (step, i) in found.Select((s, i) => (s, i)))
        {
            steps.Add(new ScriptStep
            {
                Index = i + 1,
                Verb = ScriptVerb.Click,
                Description = $"click {(string.IsNullOrWhiteSpace(step.Instruction) ? "the grounded target" : step.Instruction.Trim())}",
                Point = (step.Point![0], step.Point[1]),
                PointReason = $"grounded on a screenshot by {step.Profile ?? "a profile"}: no page was there to read a locator from",
            });
        }

        return new ScriptPlan
        {
            RunId = "playground",
            Goal = "Clicks found in the playground: " + string.Join("; ", steps.Select(s => s.Description)),
            BaseUrl = start.GetLeftPart(UriPartial.Authority),
            StartUrl = start.AbsoluteUri,
            StartRelative = false,
            ViewportWidth = viewport.Width,
            ViewportHeight = viewport.Height,
            Steps = steps,
            Warnings = warnings,
        };
    }
}
