using System.Text;
using VisualAgent.Actions;
using VisualAgent.Agent.Offline;
using VisualAgent.Agent.Policy;
using VisualAgent.Errors;
using VisualAgent.Models.Client;
using VisualAgent.Models.Dialects;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Planning;

/// <summary>
/// The planner half of planner + grounder mode: a model looks at the screenshot and says the next step in words, in
/// the offline step grammar ("click the Export CSV button"); a grounder (a grounding model or the OCR grounder) then
/// places its target. The goal is the user's; page text reaches the model only inside the screenshot and the history.
/// </summary>
public sealed class WordsPlanner(ModelCaller caller) : IPlanner
{
    /// <summary>What the model answers when the goal is reached.</summary>
    public const string DoneWord = "done";

    private const string PromptFolder = "planner";
    private const string PromptName = "words.txt";

    public string Name => caller.Profile.Name;

    public async Task<PlannerDecision> DecideAsync(PlannerContext context, CancellationToken cancellationToken = default)
    {
        var result = await caller.CallAsync(new ModelTask(ModelTaskKind.Answer, Question(context)), context.Screenshot, cancellationToken).ConfigureAwait(false);
        var text = (result.Reply.Text ?? "").Trim().Trim('"', '`').Trim();
        var firstLine = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        PlannerDecision decision;
        if (firstLine.Length == 0)
        {
            throw new ModelReplyParseException($"The planner's reply holds no step: reply with one step in the step grammar, or the word {DoneWord}.", result.Raw);
        }

        // The step is the model's words: a {{secret:NAME}} in them is never resolved (the step is blocked instead).
        SecretResolver.RefuseInModelText(firstLine);
        if (firstLine.StartsWith(DoneWord, StringComparison.OrdinalIgnoreCase))
        {
            decision = PlannerDecision.Of(new DoneAction(DoneStatus.Success), result.Raw);
        }
        else if (StepParser.TryParse(firstLine, out var steps, out var error) && steps.Count > 0)
        {
            decision = PlannerDecision.Of(steps[0]);
        }
        else
        {
            throw new ModelReplyParseException($"The planner's step is not in the step grammar: {error}", result.Raw);
        }

        return decision with { Raw = result.Raw, SentSize = result.SentSize, Usage = result.Usage, Latency = result.Latency };
    }

    /// <summary>The prompt is prompts/planner/words.txt ({{forms}}, {{done}}, {{goal}}), then the steps so far.</summary>
    private static string Question(PlannerContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["forms"] = StepGrammar.AcceptedForms,
            ["done"] = DoneWord,
            ["goal"] = context.Goal,
        };
        var question = new StringBuilder().AppendLine(PromptLibrary.Default.Render(PromptFolder, PromptName, values));
        if (context.History.Count > 0)
        {
            question.AppendLine("Steps so far:");
            foreach (var step in context.History)
            {
                question.Append("- ").AppendLine(step);
            }
        }

        return question.ToString();
    }
}
