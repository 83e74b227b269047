using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Agent.Policy;

namespace VisualAgent.Mcp;

/// <summary>
/// Asks the MCP client's user about a risky step through elicitation when the client declared it can ask (a yes/no
/// form); a client that cannot is never waited on: the step is denied at once and the denial is reported. No answer
/// within the timeout, a decline or a cancel is a denial too.
/// </summary>
internal sealed class ElicitationPrompt(McpServer server, TimeSpan timeout) : IConfirmationPrompt
{
    private const string Field = "allow";
    private readonly List<string> _asked = [];

    public bool ClientCanAsk => server.ClientCapabilities?.Elicitation is not null;

    public string Name => ClientCanAsk ? "mcp-elicitation" : "deny-risky (the MCP client cannot ask: no elicitation)";

    /// <summary>Every question and its answer, in order, for the tool's result.</summary>
    public IReadOnlyList<string> Asked => _asked;

    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken = default)
    {
        if (!ClientCanAsk)
        {
            _asked.Add($"denied without asking (the client does not support elicitation): {question}");
            return false;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            var reply = await server.ElicitAsync(new ElicitRequestParams
            {
                Message = $"Visual Agent asks before a risky step: {question}. Allow it?",
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                    {
                        [Field] = new ElicitRequestParams.BooleanSchema { Description = "true to do the step, false to deny it" },
                    },
                    Required = [Field],
                },
            }, wait.Token).ConfigureAwait(false);
            var allowed = reply.IsAccepted && reply.Content is { } content && content.TryGetValue(Field, out var value) && value.ValueKind == JsonValueKind.True;
            _asked.Add($"{(allowed ? "allowed" : $"denied ({reply.Action})")} by the client's user: {question}");
            return allowed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _asked.Add($"denied: no answer within {timeout.TotalSeconds:0} s: {question}");
            return false;
        }
        catch (McpException ex)
        {
            _asked.Add($"denied: the client's elicitation failed ({ex.Message}): {question}");
            return false;
        }
    }
}
