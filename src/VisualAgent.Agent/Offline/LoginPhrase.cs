using System.Text.RegularExpressions;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Offline;

/// <summary>
/// "Log in with username "x" and password "y"" (also login/sign in, as/using, user/email, unquoted values) becomes:
/// type x into the Username field; type y into the Password field; click "Log in|Login|Sign in".
/// </summary>
internal static partial class LoginPhrase
{
    public static string ButtonTarget { get; } = TargetAlternatives.Join("Log in", "Login", "Sign in", "Log on", "Submit");

    public static bool TryRead(string clause, out IReadOnlyList<StepIntent> intents)
    {
        intents = [];
        var m = Login().Match(clause);
        if (!m.Success)
        {
            return false;
        }

        var user = QuotedText.Unquote(m.Groups["user"].Value);
        var password = QuotedText.Unquote(m.Groups["password"].Value);
        var userField = m.Groups["kind"].Value.StartsWith('e') || m.Groups["kind"].Value.StartsWith('E') ? "the Email field" : "the Username field";
        intents =
        [
            new StepIntent(StepVerb.Type) { Source = clause, Target = userField, Value = user },
            new StepIntent(StepVerb.Type) { Source = clause, Target = "the Password field", Value = password },
            new StepIntent(StepVerb.Click) { Source = clause, Target = ButtonTarget },
        ];
        return true;
    }

    [GeneratedRegex(
        @"^(?:log\s*in|sign\s*in|log\s*on)(?:\s+(?:with|using|as))?\s+(?:the\s+)?(?<kind>username|user\s*name|user|email|e-mail|login)\s*:?\s+(?<user>""[^""]*""|'[^']*'|\S+?)\s*(?:,\s*|\s+)(?:and\s+)?(?:with\s+)?(?:the\s+)?(?:password|pass|pwd)\s*:?\s+(?<password>""[^""]*""|'[^']*'|\{\{[^}]*\}\}|\S+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Login();
}
