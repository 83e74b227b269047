using Microsoft.Extensions.Logging;

namespace VisualAgent.Agent;

/// <summary>The loop's log messages (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Run {RunId} started: {Folder}")]
    public static partial void RunStarted(ILogger logger, string runId, string folder);

    [LoggerMessage(2, LogLevel.Information, "Step {Index}: {Description} -> {Outcome}")]
    public static partial void StepEnded(ILogger logger, int index, string description, string outcome);

    [LoggerMessage(3, LogLevel.Information, "Run {RunId} ended {Status}: {Reason}")]
    public static partial void RunEnded(ILogger logger, string runId, string status, string? reason);

    [LoggerMessage(4, LogLevel.Warning, "Step {Index} failed: {Error}")]
    public static partial void StepFailed(ILogger logger, int index, string error);

    [LoggerMessage(5, LogLevel.Warning, "Step {Index}: the same action on an unchanged screen {Times} times; the planner is told so")]
    public static partial void NoProgressNoted(ILogger logger, int index, int times);
}
