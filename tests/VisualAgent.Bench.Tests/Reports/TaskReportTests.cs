using System.Text.Json;
using VisualAgent.Bench.Contestants;
using VisualAgent.Bench.Reports;
using VisualAgent.Bench.Scoring;
using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;
using VisualAgent.Runs;

namespace VisualAgent.Tests.Reports;

/// <summary>Tasks reports: the agent's verdict and the app's truth apart, false successes and false failures counted and shown.</summary>
public sealed class TaskReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly string[] Ids = ["done", "lied", "modest", "refused", "lost", "no-solution"];

    /// <summary>done: succeeded/true; lied: succeeded/false (false success); modest: failed/true (false failure);
    /// refused: not in the grammar; lost: not_found; no-solution: not run.</summary>
    private static IReadOnlyList<SampleResult> Results(string model) =>
    [
        Score(model, Outcome("done", TaskVerdict.Succeeded, TaskTruth.True)),
        Score(model, Outcome("lied", TaskVerdict.Succeeded, TaskTruth.False)),
        Score(model, Outcome("modest", TaskVerdict.Failed, TaskTruth.True, FailureCause.CheckFailed)),
        Score(model, Outcome("refused", TaskVerdict.Refused, TaskTruth.False) with { RunFolder = null, Error = "the instruction is not in the offline step grammar", ErrorCause = TaskFailureCause.NotOfflineGrammar }),
        Score(model, Outcome("lost", TaskVerdict.Failed, TaskTruth.False, FailureCause.NotFound)),
        Score(model, Outcome("no-solution", TaskVerdict.NotRun, TaskTruth.Unknown) with { RunFolder = null, Instruction = "Do it." }),
    ];

    private static LoadedSuite Suite() =>
        new("dev", SuiteKind.Tasks, "tasks.json", [.. Ids.Select(id => new BenchSample { Id = id, Kind = SuiteKind.Tasks, Groups = new Dictionary<string, string> { ["app"] = "checkbox" } })], []);

    private static TaskOutcome Outcome(string id, TaskVerdict verdict, TaskTruth truth, FailureCause cause = FailureCause.None) => new()
    {
        Id = id, Model = "m", Verdict = verdict, Truth = truth, RunCause = cause, RunFolder = "/runs/" + id, Instruction = $"Instruction of {id}.",
        Goal = $"click \"{id}\"", Steps = 2, StepMs = [100, 300], Status = verdict == TaskVerdict.Succeeded ? RunStatus.Succeeded : RunStatus.Failed,
    };

    private static SampleResult Score(string model, TaskOutcome outcome)
    {
        var sample = new BenchSample { Id = outcome.Id, Kind = SuiteKind.Tasks, Groups = new Dictionary<string, string> { ["app"] = "checkbox" } };
        return SampleScorer.Score(model, sample, new Prediction { Task = outcome, TaskSuccess = outcome.Success, Steps = outcome.Steps }, Now);
    }

    private static BenchSummary Summary(TaskInstructions mode = TaskInstructions.Instruction) =>
        BenchSummarizer.Summarize(Suite(), [(new ModelRunInfo { Model = "offline" }, Results("offline")), (new ModelRunInfo { Model = "ocr" }, Results("ocr"))], Now, null, mode);

    [Fact]
    public void Score_TaskOutcomes_KeepVerdictTruthAndCauseApart()
    {
        var results = Results("offline").ToDictionary(r => r.Id);

        Assert.Equal((TaskVerdict.Succeeded, TaskTruth.False, true, "false_success", 0.0), (results["lied"].Verdict!.Value, results["lied"].Truth!.Value, results["lied"].FalseSuccess!.Value, results["lied"].Cause, results["lied"].Score));
        Assert.Equal((true, "check_failed", 1.0), (results["modest"].FalseFailure!.Value, results["modest"].Cause, results["modest"].Score));
        Assert.Equal((SampleResult.StatusFailed, "refused"), (results["refused"].Status, results["refused"].Cause));
        Assert.Equal((SampleResult.StatusNotRun, "not_run"), (results["no-solution"].Status, results["no-solution"].Cause));
        Assert.Null(results["done"].Cause);
        Assert.Equal("Instruction of done.", results["done"].Prompt);
        Assert.Equal("click \"done\"", results["done"].Goal);
    }

    [Fact]
    public void Summarize_TaskResults_CountsFalseSuccessesFalseFailuresAndRefusals()
    {
        var summary = Summary();

        var m = summary.Models[0];
        Assert.Equal((1, 1, 5, 1, 0), (m.FalseSuccesses!.Value, m.FalseFailures!.Value, m.N, m.NotRun, m.Pending));
        Assert.Equal(0.4, m.Score);
        Assert.Equal(2, summary.FalseSuccesses);
        Assert.Equal("instruction", summary.Mode);
        Assert.Equal((4, 1, 0.2), (m.Tasks!.Read, m.Tasks.RefusedByGrammar, m.Tasks.RefusedShare));
        Assert.Equal(2, m.Tasks.Verdicts["succeeded"]);
        Assert.Equal(1, m.Tasks.Verdicts["not_run"]);
        Assert.Equal(200, m.Tasks.StepMs!.P50);
        Assert.Equal(1, m.Failures["not_found"]);
        Assert.Equal(1, m.Failures["false_success"]);
        Assert.Contains(summary.Warnings, n => n.StartsWith("offline: 1 of 5 tasks (20 %) were refused by the offline step grammar", StringComparison.Ordinal) && n.Contains("--instructions solution", StringComparison.Ordinal) && n.Contains("model profile", StringComparison.Ordinal));
        Assert.Contains(summary.Warnings, n => n.StartsWith("FALSE SUCCESSES: offline", StringComparison.Ordinal));
        Assert.Contains("false success", summary.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_SolutionMode_SaysSoAndAsksToRewriteRefusedSteps()
    {
        var summary = Summary(TaskInstructions.Solution);

        Assert.Equal("solution", summary.Mode);
        Assert.Contains(summary.Warnings, n => n.Contains("refused by the offline step grammar", StringComparison.Ordinal) && n.Contains("rewrite those steps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_TaskSuite_EveryReportHasFalseSuccessAndFalseFailureColumns()
    {
        var summary = Summary();
        var results = Results("offline").Concat(Results("ocr")).ToList();
        var dir = Path.Combine(Path.GetTempPath(), "va-bench-tests", "tasks-" + Guid.NewGuid().ToString("N")[..8]);

        await BenchReportWriter.WriteAsync(dir, summary, Suite(), results, true, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(1, json.RootElement.GetProperty("models")[0].GetProperty("false_successes").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("models")[0].GetProperty("false_failures").GetInt32());
        Assert.Equal("instruction", json.RootElement.GetProperty("mode").GetString());
        var models = File.ReadAllLines(Path.Combine(dir, "models.csv"));
        Assert.StartsWith("model,simulated,status,score,ci95_low,ci95_high,n,false_successes,false_failures,", models[0], StringComparison.Ordinal);
        Assert.StartsWith("offline,false,ok,0.400000,", models[1], StringComparison.Ordinal);
        var samples = File.ReadAllLines(Path.Combine(dir, "samples.csv"));
        Assert.StartsWith("model,id,simulated,status,verdict,truth,false_success,false_failure,cause,", samples[0], StringComparison.Ordinal);
        Assert.Contains(samples, l => l.StartsWith("offline,lied,false,ok,succeeded,false,true,false,false_success,", StringComparison.Ordinal));
        Assert.Contains(samples, l => l.StartsWith("offline,modest,false,ok,failed,true,false,true,check_failed,", StringComparison.Ordinal) && l.Contains("Instruction of modest.", StringComparison.Ordinal));
        var md = File.ReadAllText(Path.Combine(dir, "summary.md"));
        Assert.Contains("**FALSE SUCCESSES: 2**", md, StringComparison.Ordinal);
        Assert.Contains("| lied | checkbox | offline | succeeded | false | **FALSE SUCCESS** |", md, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("class=\"banner bad\" id=\"false-successes\">FALSE SUCCESSES: 2", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"fs\">false successes</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"fsrow\"><td>lied</td>", html, StringComparison.Ordinal);
    }
}
