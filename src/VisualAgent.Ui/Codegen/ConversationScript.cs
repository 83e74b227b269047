using System.Globalization;
using VisualAgent.Agent.Offline;
using VisualAgent.Codegen.Images;
using VisualAgent.Codegen.Plans;
using VisualAgent.Geometry;
using VisualAgent.Planning;
using VisualAgent.Ui.Playground;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Codegen;

/// <summary>
/// A grounding conversation as a Codegen <see cref="ScriptPlan"/>, through the same path as `codegen --image`
/// (<see cref="ImagePlanBuilder"/>): each found target becomes a click whose locators come from the words asked for
/// (label + kind: role + name, label or text, placeholder), with the point found on the screenshot written beside it as a
/// commented fallback. A request the step grammar cannot read as a target keeps its point as the click, and says so.
/// The viewport is the screenshot's size, so the fallback points land where they were found.
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

        var sizes = found.Select(s => s.ImageId is { } id ? images.TryGet(id)?.Size : null).OfType<PixelSize>().Distinct().ToList();
        var viewport = sizes.Count > 0 ? sizes[0] : new PixelSize(1280, 720);
        var steps = new List<ImageStep>();
        var intents = new List<StepIntent>();
        var pointOnly = new List<int>();
        foreach (var (asked, i) in found.Select((s, i) => (s, i + 1)))
        {
            var point = new ScreenPoint(asked.Point![0], asked.Point[1]);
            var box = asked.Box is { Count: 4 } b ? new ScreenBox(b[0], b[1], b[2], b[3]) : (ScreenBox?)null;
            var phrase = string.IsNullOrWhiteSpace(asked.Instruction) ? "" : asked.Instruction.Trim();
            if (ReadTarget(phrase) is { } intent)
            {
                intents.Add(intent);
                steps.Add(ImagePlanBuilder.Found(new ImageStep { Index = i, Description = StepParser.Describe(intent), Target = intent.Target }, intent.Verb, point, box));
            }
            else
            {
                intents.Add(new StepIntent(StepVerb.Click) { Source = phrase });
                steps.Add(new ImageStep { Index = i, Description = $"click {(phrase.Length > 0 ? phrase : "the grounded target")}", Point = point, Box = box });
                pointOnly.Add(i);
            }
        }

        var goal = "Clicks found in the playground: " + string.Join("; ", steps.Select(s => s.Description));
        var plan = ImagePlanBuilder.Plan(steps, intents, goal, start.AbsoluteUri, 1, (viewport.Width, viewport.Height));
        var profiles = found.Select(s => s.Profile ?? "a profile").ToList();
        var script = plan.Steps.Select((s, i) => s.Locators.Any(l => l.Unique) && s.Point is { } p
            ? s with { FallbackNote = FormattableString.Invariant($"Fallback: {profiles[i]} found it on the screenshot at x={p.X:0.#} y={p.Y:0.#} (CSS pixels at device scale 1); should the locator stop matching, click there.") }
            : s with { PointReason = $"grounded on a screenshot by {profiles[i]}: \"{found[i].Instruction}\" does not read as a target the step grammar knows, so no locator could be built" }).ToList();
        var warnings = new List<string>
        {
            $"Grounded on screenshots, not recorded on a live page: the locators are built from the words of each request (label and kind), not checked on the page; "
            + $"each found point (viewport {viewport.Width}x{viewport.Height}, device scale 1) is written beside its step as a fallback. `visual-agent codegen --image SHOT --goal STEPS --url URL` checks the locators on the live page.",
        };
        if (pointOnly.Count > 0)
        {
            warnings.Add($"Step(s) {string.Join(", ", pointOnly.Select(n => n.ToString(CultureInfo.InvariantCulture)))} click at the found point: the request does not read as a target (e.g. \"the Export CSV button\").");
        }

        if (sizes.Count > 1)
        {
            warnings.Add($"The targets were found on screenshots of {sizes.Count} sizes ({string.Join(", ", sizes)}); the script uses the first as its viewport.");
        }

        return plan with { RunId = "playground", Steps = script, Warnings = warnings };
    }

    /// <summary>The request as a click on a target: "the Export CSV button", "\"Save\"", or a whole step ("click the Save button").</summary>
    private static StepIntent? ReadTarget(string phrase)
    {
        if (phrase.Length == 0)
        {
            return null;
        }

        foreach (var text in new[] { phrase, "click " + phrase })
        {
            if (StepParser.TryParse(text, out var intents, out _) && intents is [{ Target.Length: > 0 } intent] && intent.Verb is StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick or StepVerb.Hover)
            {
                return intent;
            }
        }

        return null;
    }
}
