using VisualAgent.Bench.Tasks;
using VisualAgent.Runs;

namespace VisualAgent.Tests.Tasks;

public sealed class TaskCausesTests
{
    [Theory]
    [InlineData(RunStatus.Succeeded, FailureCause.None, TaskVerdict.Succeeded)]
    [InlineData(RunStatus.Blocked, FailureCause.Policy, TaskVerdict.Blocked)]
    [InlineData(RunStatus.Failed, FailureCause.Refused, TaskVerdict.Refused)]
    [InlineData(RunStatus.Failed, FailureCause.Error, TaskVerdict.Error)]
    [InlineData(RunStatus.Failed, FailureCause.CheckFailed, TaskVerdict.Failed)]
    [InlineData(RunStatus.Failed, FailureCause.Limit, TaskVerdict.Failed)]
    [InlineData(RunStatus.Running, FailureCause.None, TaskVerdict.Error)]
    public void VerdictOf_RunStatusAndCause_IsTheAgentsVerdict(RunStatus status, FailureCause cause, TaskVerdict verdict)
    {
        Assert.Equal(verdict, TaskCauses.VerdictOf(status, cause));
    }

    [Theory]
    [InlineData(TaskVerdict.Succeeded, TaskTruth.True, FailureCause.None, true, null)]
    [InlineData(TaskVerdict.Succeeded, TaskTruth.False, FailureCause.None, true, "false_success")]
    [InlineData(TaskVerdict.Succeeded, TaskTruth.Unknown, FailureCause.None, true, "false_success")]
    [InlineData(TaskVerdict.Failed, TaskTruth.False, FailureCause.WrongElement, true, "wrong_element")]
    [InlineData(TaskVerdict.Failed, TaskTruth.True, FailureCause.CheckFailed, true, "check_failed")]
    [InlineData(TaskVerdict.Failed, TaskTruth.False, FailureCause.None, true, "error")]
    [InlineData(TaskVerdict.Blocked, TaskTruth.False, FailureCause.Policy, true, "policy")]
    [InlineData(TaskVerdict.Refused, TaskTruth.False, FailureCause.None, false, "refused")]
    [InlineData(TaskVerdict.Error, TaskTruth.Unknown, FailureCause.None, false, "error")]
    [InlineData(TaskVerdict.NotRun, TaskTruth.Unknown, FailureCause.None, false, "not_run")]
    public void Of_Outcome_NamesWhyItFailedOrWasJudgedWrongly(TaskVerdict verdict, TaskTruth truth, FailureCause cause, bool ran, string? expected)
    {
        var outcome = new TaskOutcome { Id = "t", Model = "m", Verdict = verdict, Truth = truth, RunCause = cause, RunFolder = ran ? "/runs/t" : null };

        Assert.Equal(expected, TaskCauses.Of(outcome));
    }

    [Fact]
    public void FalseSuccessAndFalseFailure_NotRunTask_AreNeither()
    {
        var outcome = new TaskOutcome { Id = "t", Model = "m", Verdict = TaskVerdict.NotRun, Truth = TaskTruth.True };

        Assert.False(outcome.FalseSuccess);
        Assert.False(outcome.FalseFailure);
    }
}
