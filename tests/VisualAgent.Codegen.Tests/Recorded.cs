using VisualAgent.Actions;
using VisualAgent.Agent.Runs;
using VisualAgent.Drivers;
using VisualAgent.Planning;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Tests;

/// <summary>Recorded runs built in memory, shaped as the agent writes them (format 2).</summary>
internal static class Recorded
{
    public const string Base = "http://127.0.0.1:5080";

    public static RunDetails Run(RunStatus status, params StepRecord[] steps) => new(
        "/tmp/none",
        new RunRecord
        {
            Id = "20260101-000000-test", Goal = "a recorded task", Model = "offline", StartedAt = DateTimeOffset.UnixEpoch, Status = status,
            Settings = new Dictionary<string, string> { ["viewport"] = "1280x720", ["device_scale_factor"] = "1", ["samples_base"] = Base },
            Downloads = ["downloads/orders.csv"],
        },
        steps);

    public static StepRecord Step(int index, StepIntent intent, AgentAction? action = null, IReadOnlyList<ElementLocator>? locators = null, StepOutcome outcome = StepOutcome.Ok, string? noLocator = null) => new()
    {
        Index = index, Started = DateTimeOffset.UnixEpoch, Description = intent.Source, Intent = intent, Action = action, Locators = locators, Outcome = outcome,
        NoLocator = noLocator, Error = outcome == StepOutcome.Ok ? null : "the target was not found",
        Check = new StepCheck("x", "x", CheckStrength.Strong, outcome == StepOutcome.Ok),
    };

    public static StepIntent Intent(StepVerb verb, string source, string? target = null, string? value = null) => new(verb) { Source = source, Target = target, Value = value };

    public static ElementLocator Role(string role, string name, string? css = null, string? xpath = null) =>
        new() { Kind = LocatorKind.Role, Role = role, Name = name, Value = name, Unique = true, Css = css, XPath = xpath };

    public static ElementLocator Id(string id) => new() { Kind = LocatorKind.Id, Value = id, Unique = true, Css = "#" + id };

    /// <summary>The demo's steps: login with a secret, verify, filter, export and wait for the download.</summary>
    public static RunDetails Demo() => Run(
        RunStatus.Succeeded,
        Step(1, Intent(StepVerb.Open, "open login", value: Base + "/login/")),
        Step(2, Intent(StepVerb.Type, "type alice into the Username field", "the Username field", "alice"), new ClickAction(10, 10), [Role("textbox", "Username", xpath: "//input[@id='username']"), Id("username")]),
        Step(3, Intent(StepVerb.Type, "type the password", "the Password field", "{{secret:APP_PASSWORD}}"), new ClickAction(10, 20), [Role("textbox", "Password"), Id("password")]),
        Step(4, Intent(StepVerb.Click, "click Log in", "Log in"), new ClickAction(10, 30), [Role("button", "Log in", xpath: "//button[normalize-space(.)='Log in']")]),
        Step(5, Intent(StepVerb.Verify, "verify Welcome, alice", value: "Welcome, alice")),
        Step(6, Intent(StepVerb.Select, "select Pending", "Status", "Pending"), new ClickAction(10, 40), [Role("combobox", "Status"), Id("status-filter")]),
        Step(7, Intent(StepVerb.Check, "check Accept terms", "Accept terms"), new ClickAction(10, 50), [Role("checkbox", "Accept terms"), Id("terms")]),
        Step(8, Intent(StepVerb.Press, "press ctrl+a", null) with { Keys = ["ctrl", "a"] }),
        Step(9, Intent(StepVerb.Scroll, "scroll down") with { Amount = 120.5 }, new ScrollAction(null, null, 0, 120.5)),
        Step(10, Intent(StepVerb.Click, "click Export CSV", "Export CSV"), new ClickAction(10, 60), [Role("button", "Export CSV"), Id("export-btn")]),
        Step(11, Intent(StepVerb.WaitForDownload, "wait for the download")),
        Step(12, Intent(StepVerb.Click, "click the canvas", "Canvas OK"), new ClickAction(200.5, 300.5), noLocator: "a canvas: its content has no elements, so the point is the locator"),
        Step(13, Intent(StepVerb.Back, "go back")),
        Step(14, Intent(StepVerb.WaitForText, "wait for Orders", value: "Orders")));
}
