using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Policy;
using VisualAgent.Errors;
using VisualAgent.Planning;

namespace VisualAgent.SemanticKernel;

/// <summary>
/// Turns a Kernel function's arguments (a model's words) into exactly one step of the step grammar. Arguments are data:
/// a target or text that would read as a second step, a {{secret:NAME}} reference or a quote character is refused, never
/// half-executed.
/// </summary>
internal static class StepText
{
    /// <summary>A target phrase as the grammar reads it: described ("the Username field") as given, else quoted.</summary>
    public static string Target(string target)
    {
        var t = Clean(target, "target");
        return t.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || t.Contains('"', StringComparison.Ordinal) ? t : Quote(t, "target");
    }

    public static string Quote(string text, string what)
    {
        var t = Clean(text, what);
        if (t.Contains('"', StringComparison.Ordinal))
        {
            throw new UsageException($"The {what} '{t}' holds a double quote, which a step cannot carry: give the text without it.");
        }

        return $"\"{t}\"";
    }

    /// <summary>Parses <paramref name="step"/> and returns its single intent; a UsageException when it is not exactly one step.</summary>
    public static StepIntent One(string step)
    {
        SecretResolver.RefuseInModelText(step);
        if (!StepParser.TryParse(step, out var steps, out var error))
        {
            throw new UsageException($"'{step}' is not a step the agent can read: {error}");
        }

        if (steps.Count != 1)
        {
            throw new UsageException($"'{step}' reads as {steps.Count} steps; a function call does exactly one (call the function once per step).");
        }

        return steps[0];
    }

    private static string Clean(string text, string what)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            throw new UsageException($"The {what} is empty: say what to act on, e.g. the Username field or \"Log in\".");
        }

        if (t.Contains('\n', StringComparison.Ordinal) || t.Contains(';', StringComparison.Ordinal))
        {
            throw new UsageException($"The {what} '{t}' holds a line break or ';': one function call is one step; call again for the next.");
        }

        return t;
    }
}
