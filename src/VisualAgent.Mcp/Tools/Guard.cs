using ModelContextProtocol.Protocol;
using VisualAgent.Errors;

namespace VisualAgent.Mcp.Tools;

/// <summary>
/// Turns what a tool call can get wrong into a tool error the client reads (bad arguments, a missing file, an unserved
/// model, a browser error), so one bad call never stops the server. A bug is reported as one too, marked as a bug.
/// </summary>
internal static class Guard
{
    public static async Task<CallToolResult> RunAsync(Func<Task<CallToolResult>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (VisualAgentException ex)
        {
            return ToolResults.Error(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Text.Json.JsonException)
        {
            return ToolResults.Error($"{ex.Message} Check the arguments (paths are from the server's working directory).");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ToolResults.Error($"internal error {ex.GetType().Name}: {ex.Message} (a bug: please report it; the server keeps running).");
        }
    }

    public static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException($"'{name}' is required and must not be empty.");
        }
    }
}
