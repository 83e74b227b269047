using VisualAgent.Errors;

namespace VisualAgent.Bench.Tasks;

/// <summary>A task that cannot run with the chosen model or setup; the outcome is a failure with this cause.</summary>
internal sealed class TaskNotRunnableException : VisualAgentException
{
    public TaskNotRunnableException()
    {
    }

    public TaskNotRunnableException(string message)
        : base(message)
    {
    }

    public TaskNotRunnableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TaskNotRunnableException(string message, TaskFailureCause cause)
        : base(message)
    {
        Cause = cause;
    }

    public TaskFailureCause Cause { get; } = TaskFailureCause.TaskError;
}
