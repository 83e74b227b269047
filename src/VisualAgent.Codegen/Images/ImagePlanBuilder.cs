using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Targets;
using VisualAgent.Codegen.Plans;
using VisualAgent.Drivers;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Grounding;
using VisualAgent.Planning;

namespace VisualAgent.Codegen.Images;

/// <summary>
/// A script plan from a screenshot and a goal, with no recorded run: the goal is read with the offline step grammar (a
/// clause it cannot read exactly is refused), each step's target is found on the screenshot by the grounder (the OCR
/// grounder, or a model profile), its label and kind are read from the target phrase the grounder confirmed, and locators
/// are built from them: role + name, label (fields) or text (other elements), placeholder. The point where the target
/// was found is kept as the step's fallback. Bound to a live page (<see cref="BindAsync"/>), each locator is counted there
/// and only those matching exactly one element are kept as usable.
/// </summary>
public sealed class ImagePlanBuilder(IGrounder grounder)
{
    private static readonly string[] FieldRoles = ["textbox", "searchbox", "combobox", "checkbox", "radio", "spinbutton", "slider", "switch", "listbox"];

    private static readonly string[] PreferredRoles = ["textbox", "combobox", "checkbox", "radio", "button", "link", "tab", "menuitem", "option", "searchbox", "switch", "spinbutton", "slider", "listbox"];

    /// <summary>Reads the goal and finds every target on the screenshot; throws <see cref="UsageException"/> for a goal the grammar refuses or a target not found.</summary>
    public async Task<IReadOnlyList<ImageStep>> PlaceAsync(Screenshot shot, string goal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shot);
        if (string.IsNullOrWhiteSpace(goal))
        {
            throw new UsageException("--goal is empty: write the steps, e.g. --goal 'type \"alice\" into the Username field; click the \"Log in\" button'.");
        }

        if (!StepParser.TryParse(goal, out var intents, out var error))
        {
            throw new UsageException($"The goal cannot be read as steps: {error}");
        }

        var steps = new List<ImageStep>();
        for (var i = 0; i < intents.Count; i++)
        {
            var intent = intents[i];
            var step = new ImageStep { Index = i + 1, Description = StepParser.Describe(intent), Target = intent.Target };
            if (intent.Target is { Length: > 0 } target && NeedsElement(intent.Verb))
            {
                var found = await grounder.GroundAsync(new GroundingRequest(shot, target), cancellationToken).ConfigureAwait(false);
                if (!found.Found)
                {
                    throw new UsageException($"Step {i + 1} ({step.Description}): {target} was not found on the screenshot{(found.Error is { } why ? $" ({why})" : "")}. Check the screenshot shows it, or name it as it reads there.");
                }

                step = Found(step, intent.Verb, found.Point, found.Box);
            }

            steps.Add(step);
        }

        return steps;
    }

    /// <summary>
    /// <paramref name="step"/> with where its target was found and the label, kind and locators read from its target phrase
    /// (what <see cref="PlaceAsync"/> does with each target it finds; the web UI's export of a grounding conversation too).
    /// </summary>
    public static ImageStep Found(ImageStep step, StepVerb verb, ScreenPoint point, ScreenBox? box)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (string.IsNullOrWhiteSpace(step.Target))
        {
            throw new ArgumentException("The step has no target phrase to read a label and kind from.", nameof(step));
        }

        var spec = TargetPhrase.Parse(step.Target);
        var role = RoleOf(spec, verb);
        var label = spec.Text.Length > 0 ? spec.Text : null;
        return step with { Point = point, Box = box, Label = label, Role = role, Locators = Locators(label, role) };
    }

    /// <summary>Counts each step's locators on the live page and keeps, in order, only those that match exactly one element.</summary>
    public static async Task<IReadOnlyList<ImageStep>> BindAsync(IReadOnlyList<ImageStep> steps, ILocatorResolver page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(page);
        var bound = new List<ImageStep>();
        foreach (var step in steps)
        {
            var counts = new List<int>();
            foreach (var locator in step.Locators)
            {
                counts.Add((await page.ResolveAsync(locator with { Unique = true }, cancellationToken).ConfigureAwait(false)).Count);
            }

            bound.Add(step with { Matches = counts, Locators = [.. step.Locators.Select((l, i) => l with { Unique = counts[i] == 1 })] });
        }

        return bound;
    }

    /// <summary>The steps as a script plan starting at <paramref name="url"/> (when given), points in CSS pixels of a viewport at <paramref name="scale"/>.</summary>
    public static ScriptPlan Plan(IReadOnlyList<ImageStep> steps, IReadOnlyList<StepIntent> intents, string goal, string? url, double scale, (int Width, int Height) viewport)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(intents);
        var origin = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : null;
        var script = new List<ScriptStep>();
        var secrets = new List<string>();
        foreach (var (step, intent) in steps.Zip(intents))
        {
            (double, double)? point = step.Point is { } p ? (p.X / scale, p.Y / scale) : null;
            var why = "where the screenshot showed it: no locator built from its label matched exactly one element" + (step.Matches is null ? " (not checked: no --url)" : "");
            var basic = new ScriptStep { Index = step.Index, Verb = ScriptVerb.Click, Description = step.Description, Locators = step.Locators, Point = point, PointReason = why };
            var mapped = intent.Verb switch
            {
                StepVerb.Open => basic with { Verb = ScriptVerb.Open, Url = intent.Value, Locators = [], Point = null },
                StepVerb.Click => basic,
                StepVerb.DoubleClick => basic with { Verb = ScriptVerb.DoubleClick },
                StepVerb.RightClick => basic with { Verb = ScriptVerb.RightClick },
                StepVerb.Hover => basic with { Verb = ScriptVerb.Hover },
                StepVerb.Check => basic with { Verb = ScriptVerb.Check },
                StepVerb.Uncheck => basic with { Verb = ScriptVerb.Uncheck },
                StepVerb.Type => basic with { Verb = ScriptVerb.Fill, Text = ScriptText.Parse(intent.Value ?? ""), Submit = intent.Submit },
                StepVerb.Select => basic with { Verb = ScriptVerb.Select, Value = intent.Value },
                StepVerb.Press => basic with { Verb = ScriptVerb.Press, Keys = intent.Keys, Locators = [], Point = null },
                StepVerb.WaitForText => basic with { Verb = ScriptVerb.WaitText, Text = ScriptText.Parse(intent.Value ?? ""), Locators = [], Point = null },
                StepVerb.Wait => basic with { Verb = ScriptVerb.Wait, Amount = intent.Amount ?? 1, Locators = [], Point = null },
                StepVerb.Verify => basic with { Verb = ScriptVerb.Verify, Text = ScriptText.Parse(intent.Value ?? ""), Locators = [], Point = null },
                StepVerb.Back => basic with { Verb = ScriptVerb.Back, Locators = [], Point = null },
                var other => throw new UsageException($"Step {step.Index} ({step.Description}): a script from a screenshot cannot {other.ToString().ToLowerInvariant()} yet; record a run and use codegen --run instead."),
            };
            if (mapped.Text is { HasSecret: true } text)
            {
                secrets.AddRange(text.Parts.Where(t => t.Secret).Select(t => t.Text).Where(n => !secrets.Contains(n, StringComparer.Ordinal)));
            }

            script.Add(mapped);
        }

        var warnings = steps.Where(s => s.Target is not null && s.Locators.All(l => !l.Unique))
            .Select(s => $"step {s.Index} ({s.Description}) acts at the point the screenshot showed: none of its locators matched exactly one element on the live page").ToList();
        return new ScriptPlan
        {
            RunId = "image", Goal = goal, BaseUrl = origin, StartUrl = url is not null && origin is not null ? url[origin.Length..] is { Length: > 0 } path ? path : "/" : url,
            StartRelative = origin is not null, ViewportWidth = viewport.Width, ViewportHeight = viewport.Height, Steps = script, Secrets = secrets, Warnings = warnings,
        };
    }

    private static bool NeedsElement(StepVerb verb) => verb is StepVerb.Click or StepVerb.DoubleClick or StepVerb.RightClick or StepVerb.Hover
        or StepVerb.Check or StepVerb.Uncheck or StepVerb.Type or StepVerb.Select;

    /// <summary>The ARIA role for the phrase's kind word, else the one the verb implies (type: a text box, select: a combo box, check: a check box).</summary>
    private static string? RoleOf(TargetSpec spec, StepVerb verb)
    {
        if (spec.Roles.Count > 0)
        {
            var byVerb = verb switch { StepVerb.Type => "textbox", StepVerb.Select => "combobox", StepVerb.Check or StepVerb.Uncheck => "checkbox", _ => null };
            return byVerb is not null && spec.Roles.Contains(byVerb) ? byVerb : PreferredRoles.FirstOrDefault(spec.Roles.Contains) ?? spec.Roles.First();
        }

        return verb switch { StepVerb.Type => "textbox", StepVerb.Select => "combobox", StepVerb.Check or StepVerb.Uncheck => "checkbox", _ => null };
    }

    /// <summary>
    /// role + name, then label (a field) or text (anything else), then placeholder for a text field; all assumed usable until
    /// bound. Exact, as the script writers write them, so what --url counts is what the script will find.
    /// </summary>
    private static IReadOnlyList<ElementLocator> Locators(string? label, string? role)
    {
        if (label is null)
        {
            return role is null ? [] : [new ElementLocator { Kind = LocatorKind.Role, Role = role, Value = role, Unique = true }];
        }

        var list = new List<ElementLocator>();
        if (role is not null)
        {
            list.Add(new ElementLocator { Kind = LocatorKind.Role, Role = role, Name = label, Value = label, Exact = true, Unique = true });
        }

        var field = role is not null && FieldRoles.Contains(role);
        list.Add(new ElementLocator { Kind = field ? LocatorKind.Label : LocatorKind.Text, Value = label, Exact = true, Unique = true });
        if (role is "textbox" or "searchbox")
        {
            list.Add(new ElementLocator { Kind = LocatorKind.Placeholder, Value = label, Exact = true, Unique = true });
        }

        if (role is null)
        {
            list.Add(new ElementLocator { Kind = LocatorKind.Role, Role = "button", Name = label, Value = label, Exact = true, Unique = true });
            list.Add(new ElementLocator { Kind = LocatorKind.Role, Role = "link", Name = label, Value = label, Exact = true, Unique = true });
        }

        return list;
    }
}
