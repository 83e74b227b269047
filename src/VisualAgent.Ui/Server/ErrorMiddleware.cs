using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VisualAgent.Errors;

namespace VisualAgent.Ui.Server;

/// <summary>
/// Turns every failure of a request into {"error": message} with a fitting status: the page shows the message, the
/// server keeps running, and no stack trace ever reaches the browser (it goes to the log at Debug).
/// </summary>
internal static partial class ErrorMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The browser went away (a page closed mid-request): nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var (status, message) = Describe(ex);
            if (status >= 500 && ex is not ApiError and not VisualAgentException)
            {
                LogUnexpected(logger, ex, context.Request.Path);
            }
            else
            {
                LogRefused(logger, context.Request.Path, status, message);
            }

            context.Response.Clear();
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = message }, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public static (int Status, string Message) Describe(Exception ex) => ex switch
    {
        ApiError api => (api.Status, api.Message),
        VisualAgentException va => (ApiError.StatusOf(va), va.Message),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (bad.StatusCode, "The upload is larger than the server accepts in one request: send fewer or smaller images."),
        BadHttpRequestException bad => (bad.StatusCode, $"The request could not be read: {bad.Message}"),
        InvalidDataException bad => (StatusCodes.Status400BadRequest, $"The request could not be read: {bad.Message}"),
        System.Text.Json.JsonException bad => (StatusCodes.Status400BadRequest, $"The request body is not the JSON this call takes: {bad.Message}"),
        HttpRequestException http => (StatusCodes.Status503ServiceUnavailable, $"The model server did not answer: {http.Message}. Check that it is still running."),
        TimeoutException or TaskCanceledException => (StatusCodes.Status504GatewayTimeout, "The call timed out: the model (or OCR) took longer than its timeout. Try again, or a smaller image budget."),
        _ => (StatusCodes.Status500InternalServerError, $"internal error ({ex.GetType().Name}): {ex.Message}. The server keeps running; please report this."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception ex, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Path} answered {Status}: {Message}")]
    private static partial void LogRefused(ILogger logger, string path, int status, string message);
}
