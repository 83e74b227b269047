using VisualAgent.Actions;
using VisualAgent.Drivers;
using VisualAgent.Runs;

namespace VisualAgent.Codegen.Plans;

/// <summary>
/// How a script types into a field it found by locator: key by key (a keydown, input and keyup per character, as the
/// agent's web driver typed it in the run) or a plain fill (the value set, one input event, no key events).
/// </summary>
/// <remarks>
/// The run always typed short text key by key (<see cref="TypeAction.KeyByKeyLimit"/>: longer text the driver inserts
/// in chunks, which is what a fill does too). Fill is Playwright's recommended default and faster, and it is faithful
/// wherever the page reacts to the value (input/change events): ordinary text fields, passwords, text areas. It is not
/// where the page reacts to keys: an autocomplete combobox filters its list on keyup (the APG example, and our
/// samples/web/autocomplete/), so after a fill the option the run clicked never appears. Those fields say what they are
/// through their role — combobox (role=combobox, or an &lt;input list&gt;) or searchbox (type=search, role=searchbox,
/// whose suggestions work the same way) — recorded at action time, so the rule needs no guess: key by key there, fill
/// elsewhere. A page that reacts to keys in a plain textbox still fails loudly at the step that needs the effect (an
/// option, a button that stays disabled), never silently.
/// </remarks>
public static class TypingRule
{
    /// <summary>Roles whose fields act on key events (suggestions filtered as one types).</summary>
    private static readonly string[] KeyRoles = ["combobox", "searchbox"];

    /// <summary>
    /// Why the step is typed key by key (a comment for the script), or null for a plain fill: the role the run recorded
    /// for the field (its element facts, else its fingerprint or role locator) and the text's length.
    /// </summary>
    public static string? KeyByKey(StepRecord step, string text)
    {
        ArgumentNullException.ThrowIfNull(step);
        var role = step.Element?.Role is { Length: > 0 } r ? r
            : step.Fingerprint?.Role is { Length: > 0 } f ? f
            : step.Locators?.FirstOrDefault(l => l.Kind == LocatorKind.Role)?.Role;
        if (role is null || !KeyRoles.Contains(role, StringComparer.OrdinalIgnoreCase) || text.Length > TypeAction.KeyByKeyLimit)
        {
            return null;
        }

        return $"Typed key by key, as the run typed it: a {role.ToLowerInvariant()} filters its suggestions on key events, which a plain fill does not send";
    }
}
