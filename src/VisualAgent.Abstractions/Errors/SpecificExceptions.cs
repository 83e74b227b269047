namespace VisualAgent.Errors;

/// <summary>Bad usage or bad input (exit code 2).</summary>
public sealed class UsageException(string message, Exception? inner = null)
    : VisualAgentException(message, ExitCodes.Usage, inner);

/// <summary>Something the machine needs is missing (exit code 5); the message names the package or setting.</summary>
public sealed class EnvironmentMissingException(string message, Exception? inner = null)
    : VisualAgentException(message, ExitCodes.Environment, inner);

/// <summary>A model endpoint is unreachable or refused the request (exit code 3).</summary>
public sealed class ModelUnavailableException(string message, Exception? inner = null)
    : VisualAgentException(message, ExitCodes.ModelUnavailable, inner);

/// <summary>A browser or desktop operation failed (exit code 6).</summary>
public sealed class DriverException(string message, Exception? inner = null)
    : VisualAgentException(message, ExitCodes.Driver, inner);

/// <summary>The safety policy refused a step (exit code 4).</summary>
public sealed class PolicyBlockedException(string message)
    : VisualAgentException(message, ExitCodes.Blocked);

/// <summary>A model reply that does not parse in its dialect; keeps the raw reply.</summary>
public sealed class ModelReplyParseException(string message, string raw)
    : VisualAgentException(message, ExitCodes.ModelUnavailable)
{
    public string Raw { get; } = raw;
}

/// <summary>An image that cannot be decoded or is too large (exit code 2).</summary>
public sealed class ImageFormatException(string message, Exception? inner = null)
    : VisualAgentException(message, ExitCodes.Usage, inner);
