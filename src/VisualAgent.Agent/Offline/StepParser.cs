using VisualAgent.Errors;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Offline;

/// <summary>
/// Parses an instruction written in the offline step grammar into intents, deterministically: clauses separated by
/// ";", "then" or new lines, each read exactly (verb, quoted or described target, text) or refused with the
/// forms it could have been; one intent per clause (a login phrase gives three). The grammar's forms are listed in the
/// README's "offline default" section. Secrets stay written {{secret:NAME}} in the values.
/// </summary>
public static class StepParser
{
    /// <summary>Parses every clause; throws <see cref="UsageException"/> naming the first unreadable clause.</summary>
    public static IReadOnlyList<StepIntent> Parse(string instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var intents = new List<StepIntent>();
        foreach (var clause in ClauseSplitter.Split(instruction))
        {
            var read = ClauseReader.Read(clause)
                ?? throw new UsageException(
                    $"Cannot read the step \"{clause}\". Write steps in one of these forms:\n{StepGrammar.AcceptedForms}");
            intents.AddRange(read);
        }

        if (intents.Count == 0)
        {
            throw new UsageException($"The instruction has no steps. Write steps in one of these forms:\n{StepGrammar.AcceptedForms}");
        }

        return intents;
    }

    /// <summary>Parses without throwing: false and the error message when a clause is unreadable.</summary>
    public static bool TryParse(string instruction, out IReadOnlyList<StepIntent> intents, out string? error)
    {
        try
        {
            intents = Parse(instruction);
            error = null;
            return true;
        }
        catch (UsageException e)
        {
            intents = [];
            error = e.Message;
            return false;
        }
    }

    /// <summary>A one-line description of an intent for logs and reports (the clause it came from when it has one).</summary>
    public static string Describe(StepIntent intent) => intent.Verb switch
    {
        StepVerb.Click when DialogTarget.Answers(intent) => $"click \"{intent.Value}\" in {intent.Target}",
        StepVerb.Open => $"open {intent.Value}",
        StepVerb.Type when intent.Target is null => $"type \"{intent.Value}\"",
        StepVerb.Type => $"type \"{intent.Value}\" into {intent.Target}",
        StepVerb.Select when intent.Target is null => $"select \"{intent.Value}\"",
        StepVerb.Select => $"select \"{intent.Value}\" in {intent.Target}",
        StepVerb.Press => $"press {string.Join('+', intent.Keys ?? [])}",
        StepVerb.Scroll => $"scroll {intent.Value}" + (intent.Target is null ? "" : $" in {intent.Target}"),
        StepVerb.Upload => $"upload {intent.Value} to {intent.Target}",
        StepVerb.WaitForText => $"wait for \"{intent.Value}\"",
        StepVerb.WaitForDownload => "wait for the download",
        StepVerb.Wait => $"wait {intent.Amount ?? 1} seconds",
        StepVerb.Verify => $"verify \"{intent.Value}\"",
        StepVerb.Back => "go back",
        StepVerb.Done => "done",
        _ => $"{intent.Verb.ToString().ToLowerInvariant()} {intent.Target}",
    };
}
