using VisualAgent.Actions;
using VisualAgent.Errors;

namespace VisualAgent.Tests;

public sealed class KeyNamesTests
{
    [Theory]
    [InlineData("Control+a", "ctrl", "a")]
    [InlineData("Control+a", "ctrl+a")]
    [InlineData("Control+Shift+Tab", "ctrl", "shift", "tab")]
    [InlineData("Backspace", "back")]
    [InlineData("Enter", "enter")]
    [InlineData("Escape", "escape")]
    [InlineData("PageDown", "pagedown")]
    [InlineData("ArrowUp", "up")]
    [InlineData("Meta+c", "cmd", "c")]
    [InlineData("Alt+F4", "alt", "f4")]
    [InlineData("F12", "f12")]
    [InlineData("Space", "space")]
    [InlineData("+", "+")]
    public void ToChord_ContractNames_MapToPlaywright(string expected, params string[] keys)
    {
        Assert.Equal(expected, KeyNames.ToChord(keys));
    }

    [Fact]
    public void ToChord_UnknownName_ThrowsNamingIt()
    {
        var ex = Assert.Throws<DriverException>(() => KeyNames.ToChord(["ctrl", "hyperdrive"]));
        Assert.Contains("hyperdrive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToChord_Empty_Throws() => Assert.Throws<DriverException>(() => KeyNames.ToChord([]));
}
