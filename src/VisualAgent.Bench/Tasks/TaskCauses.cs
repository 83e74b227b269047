using VisualAgent.Runs;

namespace VisualAgent.Bench.Tasks;

/// <summary>
/// The cause a task result names (results "cause"): why the agent did not say succeeded — run.json's cause for a run
/// that happened (refused, not_found, wrong_element, check_failed, policy, limit, budget, no_progress, interrupted, error), refused or error
/// for a task that never started, not_run — or <see cref="FalseSuccess"/> when it said succeeded and the app disagrees.
/// </summary>
internal static class TaskCauses
{
    public const string Refused = "refused";
    public const string NotFound = "not_found";
    public const string WrongElement = "wrong_element";
    public const string CheckFailed = "check_failed";
    public const string Policy = "policy";
    public const string Limit = "limit";
    public const string Budget = "budget";
    public const string NoProgress = "no_progress";
    public const string Interrupted = "interrupted";
    public const string Error = "error";
    public const string NotRun = "not_run";
    public const string FalseSuccess = "false_success";

    /// <summary>Every cause in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> All = [FalseSuccess, Refused, NotFound, WrongElement, CheckFailed, Policy, Limit, Budget, NoProgress, Interrupted, Error, NotRun];

    /// <summary>The cause of an outcome; null when the agent said succeeded and the app agrees (or cannot disagree: truth true).</summary>
    public static string? Of(TaskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Verdict switch
        {
            TaskVerdict.Succeeded => outcome.Truth == TaskTruth.True ? null : FalseSuccess,
            TaskVerdict.NotRun => NotRun,
            TaskVerdict.Refused => Refused,
            TaskVerdict.Blocked => Policy,
            _ when outcome.RunFolder is null => Error,
            _ => Name(outcome.RunCause),
        };
    }

    /// <summary>run.json's cause as results name it (a failed run that gave none is an error).</summary>
    public static string Name(FailureCause cause) => cause switch
    {
        FailureCause.NotFound => NotFound,
        FailureCause.WrongElement => WrongElement,
        FailureCause.CheckFailed => CheckFailed,
        FailureCause.Policy => Policy,
        FailureCause.Refused => Refused,
        FailureCause.Limit => Limit,
        FailureCause.Budget => Budget,
        FailureCause.NoProgress => NoProgress,
        FailureCause.Interrupted => Interrupted,
        _ => Error,
    };

    /// <summary>The verdict of a run that happened: its status, refused and error told apart by its cause.</summary>
    public static TaskVerdict VerdictOf(RunStatus status, FailureCause cause) => status switch
    {
        RunStatus.Succeeded => TaskVerdict.Succeeded,
        RunStatus.Blocked => TaskVerdict.Blocked,
        RunStatus.Failed when cause == FailureCause.Refused => TaskVerdict.Refused,
        RunStatus.Failed when cause == FailureCause.Error => TaskVerdict.Error,
        RunStatus.Failed => TaskVerdict.Failed,
        _ => TaskVerdict.Error,
    };

    /// <summary>A verdict as results and reports name it.</summary>
    public static string Name(TaskVerdict verdict) => verdict switch
    {
        TaskVerdict.Succeeded => "succeeded",
        TaskVerdict.Failed => "failed",
        TaskVerdict.Blocked => "blocked",
        TaskVerdict.Refused => "refused",
        TaskVerdict.Error => "error",
        TaskVerdict.NotRun => "not_run",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>A truth as results and reports name it.</summary>
    public static string Name(TaskTruth truth) => truth switch
    {
        TaskTruth.True => "true",
        TaskTruth.False => "false",
        TaskTruth.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(truth), truth, null),
    };
}
