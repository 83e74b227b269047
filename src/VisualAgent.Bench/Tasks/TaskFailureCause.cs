namespace VisualAgent.Bench.Tasks;

/// <summary>Why a task could not run or be judged, as the results file names it (cause).</summary>
internal enum TaskFailureCause
{
    /// <summary>"task_error": setup, instruction_js, the model or success_js failed.</summary>
    TaskError,

    /// <summary>"not_offline_grammar": the instruction (ocr) or the solution (simulated) is not in the offline step grammar.</summary>
    NotOfflineGrammar,
}
