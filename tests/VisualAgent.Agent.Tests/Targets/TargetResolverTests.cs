using VisualAgent.Agent.Targets;
using VisualAgent.Drivers;
using VisualAgent.Geometry;
using VisualAgent.Planning;

namespace VisualAgent.Tests.Targets;

public sealed class TargetResolverTests
{
    private static int _next;

    private static UiElement El(string role, string name, double x, double y, double w = 100, double h = 30, string text = "", bool interactive = true, bool prose = false, params ElementScope[] scopes) =>
        new()
        {
            Ref = "e" + Interlocked.Increment(ref _next), Role = role, Name = name, Text = text.Length > 0 ? text : name, OwnText = text.Length > 0 ? text : name,
            Box = ScreenBox.FromXywh(x, y, w, h), VisibleBox = ScreenBox.FromXywh(x, y, w, h), HitAtCentre = true, Interactive = interactive,
            InProse = prose, Order = _next, Scopes = scopes,
            States = new ElementStates { Editable = KindWords.IsField(role) },
        };

    private static UiElement? Resolve(string phrase, StepVerb verb, params UiElement[] elements) =>
        TargetResolver.Resolve(TargetPhrase.Parse(phrase), elements, verb).Element;

    [Fact]
    public void Resolve_QuotedText_PrefersTheControlOverProseThatMentionsIt()
    {
        var prose = El("text", "", 0, 0, 600, 20, "Use the list below to pick a fruit, then press Add.", interactive: false, prose: true);
        var button = El("button", "Add", 0, 100);

        Assert.Same(button, Resolve("\"Add\"", StepVerb.Click, prose, button));
    }

    [Fact]
    public void Resolve_QuotedLabel_DoesNotMatchALongerHeadingContainingIt()
    {
        var heading = El("heading", "Name and address of the sender", 0, 0, 400, interactive: false);

        Assert.Null(Resolve("\"Name\"", StepVerb.Click, heading));
    }

    [Fact]
    public void Resolve_FirstNameAgainstName_MatchesOnlyTheExactLabel()
    {
        var first = El("textbox", "First Name", 0, 0);
        var name = El("textbox", "Name", 0, 50);

        Assert.Same(name, Resolve("the \"Name\" field", StepVerb.Type, first, name));
    }

    [Fact]
    public void Resolve_TypeTarget_NeverAHeadingWhenAFieldMatches()
    {
        var heading = El("heading", "Email", 0, 0, interactive: false);
        var field = El("textbox", "Email", 0, 50);

        Assert.Same(field, Resolve("\"Email\"", StepVerb.Type, heading, field));
    }

    [Fact]
    public void Resolve_KindOnly_WhenExactlyOneIsOnScreen()
    {
        var field = El("textbox", "Search", 0, 0);
        var button = El("button", "Go", 120, 0);

        Assert.Same(button, Resolve("the button", StepVerb.Click, field, button));
        Assert.Same(field, Resolve("the text field", StepVerb.Type, field, button));
    }

    [Fact]
    public void Resolve_KindOnly_WhenSeveral_IsRefusedWithTheChoices()
    {
        var result = TargetResolver.Resolve(TargetPhrase.Parse("the button"), [El("button", "Save", 0, 0), El("button", "Cancel", 120, 0)]);

        Assert.Null(result.Element);
        Assert.Contains("2 buttons", result.Problem, StringComparison.Ordinal);
        Assert.Contains("\"Cancel\"", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Ordinal_CountsInReadingOrder()
    {
        var a = El("button", "Edit", 0, 0);
        var b = El("button", "Edit", 0, 50);
        var c = El("button", "Edit", 0, 100);

        Assert.Same(b, Resolve("the second Edit button", StepVerb.Click, a, b, c));
        Assert.Same(c, Resolve("the last \"Edit\" button", StepVerb.Click, a, b, c));
    }

    [Fact]
    public void Resolve_RowScope_PicksTheCellOfThatRow()
    {
        var coffee = El("gridcell", "Dining Out", 300, 100, scopes: new ElementScope("row", "Jan 3 Hot Coffee Dining Out $3.00"));
        var other = El("gridcell", "Dining Out", 300, 150, scopes: new ElementScope("row", "Jan 4 Lunch Dining Out $12.00"));

        Assert.Same(coffee, Resolve("\"Dining Out\" in the \"Hot Coffee\" row", StepVerb.Click, other, coffee));
    }

    [Fact]
    public void Resolve_SectionScope_PicksTheFieldOfThatSection()
    {
        var shipping = El("textbox", "City", 0, 100, scopes: new ElementScope("region", "Shipping Address"));
        var billing = El("textbox", "City", 0, 300, scopes: new ElementScope("region", "Billing Address"));

        Assert.Same(billing, Resolve("the \"City\" field of the billing address", StepVerb.Type, shipping, billing));
    }

    [Fact]
    public void Resolve_NextTo_PicksTheNearestOfTheKind()
    {
        var state = El("combobox", "State", 0, 0, 200, 30);
        var arrow = El("button", "States", 202, 0, 30, 30);
        var far = El("button", "Submit", 0, 300);

        Assert.Same(arrow, Resolve("the arrow button next to the \"State\" field", StepVerb.Click, state, arrow, far));
    }

    [Fact]
    public void Resolve_CheckboxLabelAndControl_TakesTheControl()
    {
        var label = El("label", "", 30, 0, 80, 20, "Lettuce", interactive: false);
        var box = El("checkbox", "Lettuce", 0, 0, 20, 20);

        Assert.Same(box, Resolve("\"Lettuce\"", StepVerb.Check, label, box));
    }

    [Fact]
    public void Resolve_LabelNotTiedToItsField_UsesTheFieldOnItsRight()
    {
        var label = El("text", "", 0, 0, 60, 20, "Email", interactive: false);
        var link = El("link", "Forgot email?", 0, 200);
        var field = El("textbox", "", 70, 0, 200, 24);

        Assert.Same(field, Resolve("the \"Email\" field", StepVerb.Type, label, link, field));
    }
}
