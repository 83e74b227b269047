using System.Globalization;

namespace VisualAgent.Bench.Reports;

/// <summary>
/// What a tasks summary says besides its figures: what verdict, truth, false success and false failure mean; and, as
/// warnings, each model's false successes and, for each model whose instructions the offline grammar refused, what
/// share that was and what to use instead.
/// </summary>
internal static class TaskNotes
{
    public const string Definitions =
        "Score = the app's truth (success_js when the agent stopped). Verdict = what the agent itself said. "
        + "A false success (verdict succeeded, truth not true) is the worst outcome there is; a false failure is verdict not succeeded, truth true.";

    public const string StepForms =
        "click \"Save\"; type \"Ada\" into the \"Name\" field; select \"Red\" in the \"Color\" dropdown; check \"Accept terms\"; press Enter; scroll down; verify \"Saved\"";

    /// <summary>What the agent was given and what verdict, truth, false success and false failure mean.</summary>
    public static string About(Tasks.TaskInstructions instructions) =>
        (instructions == Tasks.TaskInstructions.Solution
            ? "Instructions: each task's solution steps (--instructions solution). "
            : "Instructions: each task's instruction as a user would write it (--instructions instruction; --instructions solution runs the explicit steps). ")
        + Definitions;

    /// <summary>What needs attention: each model's false successes, and the share of tasks its grammar refused with what to use instead.</summary>
    public static IEnumerable<string> Warnings(IReadOnlyList<ModelSummary> models, Tasks.TaskInstructions instructions)
    {
        ArgumentNullException.ThrowIfNull(models);
        foreach (var m in models)
        {
            if (m.FalseSuccesses is > 0 and var fs)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"FALSE SUCCESSES: {Fmt.Name(m)} said succeeded on {fs} task{(fs == 1 ? "" : "s")} the app says were not done (see the tasks table).");
            }
        }

        foreach (var m in models)
        {
            if (m.Tasks is not { RefusedByGrammar: > 0 } t)
            {
                continue;
            }

            var total = t.Read + t.RefusedByGrammar;
            var share = string.Create(CultureInfo.InvariantCulture, $"{Fmt.Name(m)}: {t.RefusedByGrammar} of {total} tasks ({100.0 * t.RefusedByGrammar / total:0} %) were refused by the offline step grammar and {t.Read} were read. ");
            yield return instructions == Tasks.TaskInstructions.Solution
                ? share + "Their solutions are not written in the step forms (" + StepForms + "): rewrite those steps."
                : share + "The offline models read explicit steps only: write the tasks as steps (" + StepForms + ") and run them with --instructions solution, "
                    + "or give plain-English instructions to a vision-language model profile (--models with a configured VLM profile).";
        }
    }
}
