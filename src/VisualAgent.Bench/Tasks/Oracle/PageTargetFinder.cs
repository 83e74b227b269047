using System.Text.Json;
using System.Text.RegularExpressions;
using VisualAgent.Agent.Offline;
using VisualAgent.Drivers;
using VisualAgent.Drivers.Web.Scripts;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Vision.Grounding;

namespace VisualAgent.Bench.Tasks.Oracle;

/// <summary>
/// Finds the element a step's target describes ("the Username field", "\"Log in\"", "the \"View\" button in the ORD-1004
/// row", "the second Edit button") through the driver, with in-page JavaScript (<see cref="PageTargetScript"/>). This is
/// ground truth for the SIMULATED model: it reads the DOM, which no real model sees.
/// </summary>
internal static partial class PageTargetFinder
{
    /// <summary>The element, or null when the page has nothing that matches any alternative of <paramref name="target"/>.</summary>
    public static async Task<PageTarget?> FindAsync(IBrowserDriver driver, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        foreach (var alternative in TargetAlternatives.Split(target))
        {
            var args = Describe(alternative);
            string json;
            try
            {
                json = await driver.EvaluateAsync(PageTargetScript.Source.Replace("__ARGS__", args, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            }
            catch (DriverException)
            {
                return null;
            }

            if (Read(json) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>True when the page (with its same-origin frames and open shadow roots) shows <paramref name="text"/>, ignoring case.</summary>
    public static async Task<bool> ShowsTextAsync(IBrowserDriver driver, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var js = PageTargetScript.ShowsText.Replace("__TEXT__", JsonSerializer.Serialize(text), StringComparison.Ordinal);
        try
        {
            return await driver.EvaluateAsync(js, cancellationToken).ConfigureAwait(false) == "true";
        }
        catch (DriverException)
        {
            return false;
        }
    }

    /// <summary>True when the target names the browser's native dialog ("OK" in the dialog, the dialog).</summary>
    public static bool IsDialogTarget(string? target) => target is not null && DialogRegex().IsMatch(target);

    /// <summary>The script's arguments for one description: texts to look for (best first), kind, ordinal and row context.</summary>
    internal static string Describe(string description)
    {
        var text = description.Trim();
        string? context = null;
        var row = RowRegex().Match(text);
        if (row.Success)
        {
            text = row.Groups["target"].Value;
            context = Unquote(row.Groups["context"].Value);
        }

        var query = TargetQuery.Parse(text);
        var texts = new List<string>();
        var quoted = QuotedRegex().Match(text);
        if (quoted.Success)
        {
            texts.Add(quoted.Groups["text"].Value);
        }
        else
        {
            var plain = LeadRegex().Replace(text, "");
            plain = KindTailRegex().Replace(plain, "");
            texts.Add(plain.Trim());
        }

        texts.Add(query.Text);
        var kind = query.Kind.ToString().ToLowerInvariant();
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["texts"] = texts.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            ["kind"] = kind,
            ["ordinal"] = query.Ordinal,
            ["context"] = context,
        });
    }

    private static PageTarget? Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        if (r.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        double D(string name) => r.GetProperty(name).GetDouble();
        string? S(string name) => r.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var visible = r.GetProperty("visible").GetBoolean();
        var box = visible ? new ScreenBox(D("x1"), D("y1"), D("x2"), D("y2")) : new ScreenBox(0, 0, 0, 0);
        ScreenPoint? scrollAt = null;
        double dy = 0;
        if (r.TryGetProperty("scroll", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            scrollAt = new ScreenPoint(s.GetProperty("x").GetDouble(), s.GetProperty("y").GetDouble());
            dy = s.GetProperty("dy").GetDouble();
        }

        return new PageTarget(box, visible)
        {
            ScrollAt = scrollAt,
            ScrollDy = dy,
            Tag = S("tag") ?? "",
            InputType = S("type"),
            HasValue = r.GetProperty("hasValue").GetBoolean(),
            Checked = r.GetProperty("checked").ValueKind is JsonValueKind.True or JsonValueKind.False ? r.GetProperty("checked").GetBoolean() : null,
            Text = S("text"),
        };
    }

    private static string Unquote(string text) => text.Trim().Trim('"', '\'', '“', '”').Trim();

    [GeneratedRegex(@"^(?<target>.+?)\s+(?:in|on|of)\s+the\s+(?<context>.+?)\s+row$", RegexOptions.IgnoreCase)]
    private static partial Regex RowRegex();

    [GeneratedRegex(@"(?:^|\b(?:in|on|into)\s+)the\s+(?:\w+\s+)?dialog$|^the\s+(?:\w+\s+)?dialog$", RegexOptions.IgnoreCase)]
    private static partial Regex DialogRegex();

    [GeneratedRegex("[\"“”](?<text>[^\"“”]+)[\"“”]")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"^\s*(?:the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@"\s+(?:field|button|link|drop-?down|check ?box|slider|radio(?: button)?|text ?box|combo ?box|menu|tab)$", RegexOptions.IgnoreCase)]
    private static partial Regex KindTailRegex();
}
