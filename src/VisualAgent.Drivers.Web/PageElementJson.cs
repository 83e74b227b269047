using System.Globalization;
using System.Text.Json;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Web;

/// <summary>Reads what <see cref="PageScripts.PageModel"/> returns (CSS pixels of the top viewport) into screenshot-pixel elements.</summary>
internal static class PageElementJson
{
    public static UiElement ToElement(JsonElement e, double deviceScaleFactor)
    {
        var vis = e.GetProperty("vis");
        var states = e.GetProperty("states");
        return new UiElement
        {
            Ref = S(e, "ref") ?? "",
            Role = S(e, "role") ?? "",
            Name = S(e, "name") ?? "",
            Text = S(e, "text") ?? "",
            OwnText = S(e, "own") ?? "",
            Tag = S(e, "tag"),
            InputType = S(e, "inputType"),
            Label = S(e, "label"),
            Placeholder = S(e, "placeholder"),
            Title = S(e, "title"),
            Alt = S(e, "alt"),
            TestId = S(e, "testId"),
            Id = S(e, "id"),
            Value = S(e, "value") ?? (e.TryGetProperty("valueLength", out var len) && len.ValueKind == JsonValueKind.Number
                ? new string('•', len.GetInt32()) : null),
            States = new ElementStates
            {
                Checked = B(states, "checked"),
                Mixed = B(states, "mixed") == true,
                Selected = B(states, "selected"),
                Expanded = B(states, "expanded"),
                Pressed = B(states, "pressed"),
                Disabled = B(states, "disabled") == true,
                ReadOnly = B(states, "readOnly") == true,
                Editable = B(states, "editable") == true,
                Focused = B(states, "focused") == true,
                Sort = S(states, "sort"),
                Current = S(states, "current"),
                Submits = B(states, "submits") == true,
                FormAction = S(states, "formAction"),
            },
            Box = Box(e.GetProperty("box"), deviceScaleFactor),
            VisibleBox = vis.ValueKind == JsonValueKind.Object ? Box(vis, deviceScaleFactor) : null,
            HitAtCentre = B(e, "hit") == true,
            ClickPoint = e.TryGetProperty("hx", out var hx) && hx.ValueKind == JsonValueKind.Number && e.TryGetProperty("hy", out var hy) && hy.ValueKind == JsonValueKind.Number
                ? CoordinateMapper.ToScreen(hx.GetDouble(), hy.GetDouble(), 0, 0, deviceScaleFactor).Center
                : null,
            Hint = S(e, "hint"),
            Interactive = B(e, "interactive") == true,
            InProse = B(e, "prose") == true,
            Order = e.TryGetProperty("order", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt32() : 0,
            Level = e.TryGetProperty("level", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null,
            Scopes = e.TryGetProperty("scopes", out var sc) && sc.ValueKind == JsonValueKind.Array
                ? [.. sc.EnumerateArray().Select(x => new ElementScope(S(x, "kind") ?? "", S(x, "name") ?? ""))]
                : [],
            InFrame = B(e, "inFrame") == true,
            Options = e.TryGetProperty("options", out var op) && op.ValueKind == JsonValueKind.Array
                ? [.. op.EnumerateArray().Select(x => x.GetString() ?? "")]
                : [],
        };
    }

    /// <summary>A {x1, y1, x2, y2} box in CSS pixels to screenshot pixels.</summary>
    public static ScreenBox Box(JsonElement b, double deviceScaleFactor)
    {
        double D(string name) => b.GetProperty(name).GetDouble();
        return CoordinateMapper.ToScreen(D("x1"), D("y1"), D("x2") - D("x1"), D("y2") - D("y1"), deviceScaleFactor);
    }

    private static string? S(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => null,
        } : null;

    private static bool? B(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;
}
