namespace VisualAgent.Errors;

/// <summary>
/// The base of the project's errors. The message says what was wrong and what to do; <see cref="ExitCode"/> is the
/// CLI's exit code for it.
/// </summary>
public class VisualAgentException : Exception
{
    public VisualAgentException()
        : this("Visual Agent failed.")
    {
    }

    public VisualAgentException(string message)
        : this(message, ExitCodes.TaskFailed)
    {
    }

    public VisualAgentException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.TaskFailed;
    }

    public VisualAgentException(string message, int exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
