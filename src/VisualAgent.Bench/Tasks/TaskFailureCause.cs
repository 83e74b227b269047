namespace VisualAgent.Bench.Tasks;

/// <summary>Why a task could not run at all (before the agent's run started).</summary>
internal enum TaskFailureCause
{
    /// <summary>Setup, instruction_js or the model failed: the verdict is error.</summary>
    TaskError,

    /// <summary>The instruction (offline models) or the solution (simulated) is not in the offline step grammar: the verdict is refused.</summary>
    NotOfflineGrammar,
}
