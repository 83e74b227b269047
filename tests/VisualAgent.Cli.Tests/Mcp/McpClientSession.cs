using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace VisualAgent.Tests.Support;

/// <summary>The SDK's own MCP client connected to `dotnet visual-agent.dll mcp` over stdio, in a fresh working folder.</summary>
internal sealed class McpClientSession : IAsyncDisposable
{
    private readonly TempFolder _folder = new("mcp");

    private McpClientSession()
    {
    }

    public McpClient Client { get; private set; } = null!;

    public string Folder => _folder.Path;

    public string RunsFolder => Path.Combine(_folder.Path, "runs");

    /// <summary>Starts the server; with <paramref name="elicitation"/> the client declares it can ask its user and answers with it.</summary>
    public static async Task<McpClientSession> StartAsync(Func<ElicitRequestParams?, ElicitResult>? elicitation = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var session = new McpClientSession();
        var env = new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["CI"] = "true", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            env[k] = v;
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "visual-agent",
            Command = "dotnet",
            Arguments = [RepoPaths.CliDll, "mcp", "--runs", session.RunsFolder],
            WorkingDirectory = session.Folder,
            EnvironmentVariables = env,
        });
        var options = new McpClientOptions { ClientInfo = new Implementation { Name = "visual-agent-tests", Version = "1" } };
        if (elicitation is not null)
        {
            options.Handlers = new McpClientHandlers { ElicitationHandler = (request, _) => ValueTask.FromResult(elicitation(request)) };
        }

        session.Client = await McpClient.CreateAsync(transport, options, cancellationToken: TestContext.Current.CancellationToken);
        return session;
    }

    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments) =>
        Client.CallToolAsync(tool, arguments, cancellationToken: TestContext.Current.CancellationToken).AsTask();

    /// <summary>The JSON text block of a tool result.</summary>
    public static JsonElement Json(CallToolResult result)
    {
        var text = Text(result);
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"the tool result is not JSON: {text}");
        }
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        _folder.Dispose();
    }
}
