using VisualAgent.Vision.Grounding;

namespace VisualAgent.Vision.Tests.Grounding;

public sealed class TargetQueryTests
{
    [Theory]
    [InlineData("click \"Export CSV\"", "Export CSV", TargetKind.Any, 0, TargetPosition.None)]
    [InlineData("the Export CSV button", "Export CSV", TargetKind.Button, 0, TargetPosition.None)]
    [InlineData("the Username field", "Username", TargetKind.Field, 0, TargetPosition.None)]
    [InlineData("the second Edit button", "Edit", TargetKind.Button, 2, TargetPosition.None)]
    [InlineData("the Save button at the bottom", "Save", TargetKind.Button, 0, TargetPosition.Bottom)]
    [InlineData("type \"bob\" into the Password field", "Password", TargetKind.Field, 0, TargetPosition.None)]
    [InlineData("click the last \"Delete\" link", "Delete", TargetKind.Link, -1, TargetPosition.None)]
    [InlineData("click “Second opinion”", "Second opinion", TargetKind.Any, 0, TargetPosition.None)]
    [InlineData("the Status dropdown", "Status", TargetKind.Field, 0, TargetPosition.None)]
    [InlineData("the Volume slider", "Volume", TargetKind.Field, 0, TargetPosition.None)]
    [InlineData("the Small radio button", "Small", TargetKind.Checkbox, 0, TargetPosition.None)]
    [InlineData("the tenth View button", "View", TargetKind.Button, 10, TargetPosition.None)]
    [InlineData("the seventh View button", "View", TargetKind.Button, 7, TargetPosition.None)]
    public void Parse_Phrasings_TakenApart(string instruction, string text, TargetKind kind, int ordinal, TargetPosition position)
    {
        var q = TargetQuery.Parse(instruction);

        Assert.Equal((text, kind, ordinal, position), (q.Text, q.Kind, q.Ordinal, q.Position));
    }

    [Theory]
    [InlineData("Spin Button Pattern", "Spin Button Pattern", TargetKind.Any)]
    [InlineData("Do all parking facilities have the same enforcement rules?", "Do all parking facilities have the same enforcement rules?", TargetKind.Any)]
    [InlineData("the The Filling Station link", "The Filling Station", TargetKind.Link)]
    [InlineData("the button labelled Save draft", "Save draft", TargetKind.Button)]
    [InlineData("the Maria Ahlefeldt tab", "Maria Ahlefeldt", TargetKind.Any)]
    [InlineData("the Text Align menu item", "Text Align", TargetKind.Any)]
    [InlineData("the Notifications switch", "Notifications", TargetKind.Checkbox)]
    public void Parse_WordsOfTheName_Kept(string instruction, string text, TargetKind kind)
    {
        var q = TargetQuery.Parse(instruction);

        Assert.Equal((text, kind), (q.Text, q.Kind));
    }

    [Fact]
    public void Parse_CapitalisedOrdinalBeginningAName_OffersTheWholeNameToo()
    {
        var q = TargetQuery.Parse("the First Name field");

        Assert.Equal(("Name", 1, "First Name", TargetKind.Field), (q.Text, q.Ordinal, q.Alternative, q.Kind));
        Assert.Null(TargetQuery.Parse("the first Edit button").Alternative);
    }

    [Fact]
    public void Parse_QuotedText_IsMarkedQuoted()
    {
        Assert.True(TargetQuery.Parse("click \"Save the search\"").Quoted);
        Assert.Equal("Save the search", TargetQuery.Parse("click \"Save the search\"").Text);
        Assert.False(TargetQuery.Parse("the Save button").Quoted);
    }

    [Theory]
    [InlineData("Export CSV", "export  csv", 1.0)]
    [InlineData("Größe ändern", "grosse andern", 0.9)]
    [InlineData("Café", "CAFE", 1.0)]
    public void Score_CaseSpaceDiacritics_Ignored(string a, string b, double atLeast)
    {
        Assert.True(TextSimilarity.Score(a, b) >= atLeast, $"{TextSimilarity.Score(a, b)}");
    }

    [Fact]
    public void Score_DifferentWords_Low()
    {
        Assert.True(TextSimilarity.Score("Save", "Cancel") < 0.5);
    }
}
