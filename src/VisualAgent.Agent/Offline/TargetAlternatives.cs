namespace VisualAgent.Agent.Offline;

/// <summary>
/// The convention for a target with alternatives: the texts joined by '|' in <see cref="Planning.StepIntent.Target"/>,
/// e.g. "Log in|Login|Sign in" for the login button of "Log in with username x and password y". The executor grounds
/// each alternative in turn and uses the first one found; the first alternative is the one to show in reports.
/// </summary>
public static class TargetAlternatives
{
    public const char Separator = '|';

    /// <summary>The alternatives of a target, in order ("Save" alone gives ["Save"]).</summary>
    public static IReadOnlyList<string> Split(string target) =>
        target.Split(Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts
            ? parts
            : [target];

    public static string Join(params string[] alternatives) => string.Join(Separator, alternatives);
}
