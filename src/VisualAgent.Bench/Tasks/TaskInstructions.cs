namespace VisualAgent.Bench.Tasks;

/// <summary>What a task suite's tasks give the agent (`bench run --instructions`).</summary>
public enum TaskInstructions
{
    /// <summary>Each task's instruction (or the text its instruction_js computes): what a user would type.</summary>
    Instruction,

    /// <summary>Each task's solution steps; a task without a solution is not run.</summary>
    Solution,
}
