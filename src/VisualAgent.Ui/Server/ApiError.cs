using Microsoft.AspNetCore.Http;
using VisualAgent.Errors;

namespace VisualAgent.Ui.Server;

/// <summary>An error the API answers with a status and a message for the page (never a stack trace).</summary>
public sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiError Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    /// <summary>The status a project exception answers with: bad input 400, a model or package missing 503, the rest 502.</summary>
    public static int StatusOf(VisualAgentException error) => error.ExitCode switch
    {
        ExitCodes.Usage => StatusCodes.Status400BadRequest,
        ExitCodes.ModelUnavailable or ExitCodes.Environment => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };
}
