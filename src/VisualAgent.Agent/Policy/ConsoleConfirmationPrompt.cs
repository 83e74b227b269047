namespace VisualAgent.Agent.Policy;

/// <summary>Asks on the terminal: "... Go ahead? [y/N]"; only y or yes goes ahead.</summary>
public sealed class ConsoleConfirmationPrompt(TextReader input, TextWriter output) : IConfirmationPrompt
{
    public string Name => "console";

    /// <summary>The prompt for this process: deny-risky when stdin is redirected (nobody can answer), else the console.</summary>
    public static IConfirmationPrompt ForConsole(bool yes = false, bool denyRisky = false)
    {
        if (yes)
        {
            return new AlwaysYesPrompt();
        }

        return denyRisky || Console.IsInputRedirected ? new DenyRiskyPrompt() : new ConsoleConfirmationPrompt(Console.In, Console.Error);
    }

    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken = default)
    {
        await output.WriteAsync($"{question}. Go ahead? [y/N] ".AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return answer?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
