using VisualAgent.Agent.Targets;

namespace VisualAgent.Tests.Targets;

public sealed class TargetPhraseTests
{
    [Theory]
    [InlineData("\"Lettuce\"", "Lettuce", null, null, null)]
    [InlineData("the \"Notifications\" switch", "Notifications", "switch", null, null)]
    [InlineData("the \"City\" field of the billing address", "City", "field", "billing address", null)]
    [InlineData("\"Dining Out\" in the \"Hot Coffee\" row", "Dining Out", null, "Hot Coffee", "row")]
    [InlineData("\"Neptunium\" in the \"Transuranium elements\" list", "Neptunium", null, "Transuranium elements", "list")]
    [InlineData("the \"Amount\" column header", "Amount", "column header", null, null)]
    [InlineData("the Username field", "Username", "field", null, null)]
    [InlineData("\"Is there free parking on holidays?\"", "Is there free parking on holidays?", null, null, null)]
    [InlineData("\"Terms of the Service\"", "Terms of the Service", null, null, null)]
    public void Parse_DevpageTargets_TakesTheirPartsApart(string phrase, string text, string? kind, string? scope, string? scopeKind)
    {
        var spec = TargetPhrase.Parse(phrase);

        Assert.Equal((text, kind, scope, scopeKind), (spec.Text, spec.Kind, spec.Scope, spec.ScopeKind));
    }

    [Fact]
    public void Parse_QuotedTextWithThe_KeepsEveryWord()
    {
        Assert.Equal("Add the item", TargetPhrase.Parse("the \"Add the item\" button").Text);
    }

    [Fact]
    public void Parse_UnquotedOf_IsPartOfTheTextWhenNothingBeforeItIsComplete()
    {
        var spec = TargetPhrase.Parse("Terms of Service");

        Assert.Equal(("Terms of Service", (string?)null), (spec.Text, spec.Scope));
    }

    [Fact]
    public void Parse_NextTo_ReadsTheAnchor()
    {
        var spec = TargetPhrase.Parse("the arrow button next to the \"State\" field");

        Assert.Equal(("arrow", "button"), (spec.Text, spec.Kind));
        Assert.NotNull(spec.NextTo);
        Assert.Equal(("State", "field"), (spec.NextTo.Text, spec.NextTo.Kind));
    }

    [Fact]
    public void Parse_ThumbOfSlider_IsTheSlider()
    {
        var spec = TargetPhrase.Parse("the thumb of the \"Temperature\" slider");

        Assert.Equal(("Temperature", "slider"), (spec.Text, spec.Kind));
        Assert.Contains("slider", spec.Roles);
    }

    [Theory]
    [InlineData("the button", "button", 0)]
    [InlineData("the text field", "text field", 0)]
    [InlineData("the second Edit button", "button", 2)]
    [InlineData("the last checkbox", "checkbox", -1)]
    public void Parse_KindsAndOrdinals(string phrase, string kind, int ordinal)
    {
        var spec = TargetPhrase.Parse(phrase);

        Assert.Equal((kind, ordinal), (spec.Kind, spec.Ordinal));
    }
}
