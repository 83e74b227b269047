using System.CommandLine;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Mcp;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent mcp`: the Model Context Protocol server on stdio (stdout carries protocol messages only).</summary>
internal static class McpCommand
{
    private static readonly Option<string> ModelOption = new("--model", "-m") { Description = "Model profile of ground and run_task when a call names none (default offline).", DefaultValueFactory = _ => "offline" };

    private static readonly Option<string?> RunsOption = new("--runs") { Description = "Folder for run folders, also served as visualagent://runs resources (default Runs:Folder, ./runs)." };

    private static readonly Option<int> ConfirmTimeoutOption = new("--confirm-timeout") { Description = "Seconds to wait for the user's answer to a confirmation asked through MCP elicitation; no answer is a denial (default 120).", DefaultValueFactory = _ => 120 };

    private static readonly Option<bool> HttpOption = new("--http") { Description = "Serve over MCP's Streamable HTTP on 127.0.0.1 instead of stdio; every request needs the bearer token printed at start (or --token-env)." };

    private static readonly Option<int> PortOption = new("--port") { Description = "Port of --http on 127.0.0.1 (default 0: a free one, printed).", DefaultValueFactory = _ => 0 };

    private static readonly Option<string?> TokenEnvOption = new("--token-env") { Description = "With --http: read the bearer token from this environment variable instead of making a random one." };

    public static Command Create()
    {
        var command = new Command("mcp", """
            Serve the agent as a Model Context Protocol server on stdio, for an assistant (Claude Desktop, VS Code, any MCP client).
            With --http, the same server over Streamable HTTP on 127.0.0.1 (a bearer token on every request).
            Tools: screenshot, ground, ocr, act, run_task, replay, export_script, bench_score. Resources: visualagent://runs, visualagent://runs/{id}[/steps|/report].
            Risky steps are asked through elicitation when the client supports it, else denied and reported. Logs go to stderr.
            Example client configuration: {"command": "/path/to/visual-agent", "args": ["mcp"]}
            """);
        command.Options.Add(ModelOption);
        command.Options.Add(RunsOption);
        command.Options.Add(ConfirmTimeoutOption);
        command.Options.Add(HttpOption);
        command.Options.Add(PortOption);
        command.Options.Add(TokenEnvOption);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var seconds = context.Get(ConfirmTimeoutOption);
        if (seconds is < 1 or > 3600)
        {
            throw new UsageException($"--confirm-timeout {seconds} is out of range: give 1..3600 seconds.");
        }

        var runsRoot = context.Get(RunsOption) ?? context.Configuration["Runs:Folder"] ?? "runs";
        var settings = new McpServerSettings
        {
            Configuration = context.Configuration,
            Loggers = context.Loggers,
            RunsFolder = Path.GetFullPath(runsRoot),
            DefaultModel = context.Get(ModelOption)!,
            ConfirmationTimeout = TimeSpan.FromSeconds(seconds),
        };
        if (!context.Get(HttpOption))
        {
            if (context.Parse.GetResult(PortOption) is { Implicit: false } || context.Get(TokenEnvOption) is not null)
            {
                throw new UsageException("--port and --token-env belong to --http: give --http with them (without it the server speaks on stdio).");
            }

            await VisualAgentMcpServer.RunStdioAsync(settings, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var port = context.Get(PortOption);
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"--port {port} is out of range: give 0..65535 (0 picks a free port).");
        }

        string? token = null;
        if (context.Get(TokenEnvOption) is { } variable)
        {
            token = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(token) || token.Length < 16)
            {
                throw new UsageException($"--token-env {variable}: the variable is {(string.IsNullOrWhiteSpace(token) ? "not set" : "shorter than 16 characters")}; set it to a long random value, or leave --token-env out for a random token.");
            }
        }

        try
        {
            await McpHttpHost.RunAsync(settings, port, token, (url, bearer) =>
            {
                // stderr: the token is the caller's to pass on; stdout stays empty as in stdio mode.
                Console.Error.WriteLine($"MCP Streamable HTTP on {url}");
                Console.Error.WriteLine(token is null ? $"Authorization: Bearer {bearer}" : $"Authorization: Bearer <the value of {context.Get(TokenEnvOption)}>");
            }, ct).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--port {port} on 127.0.0.1 is taken ({ex.Message}): give another, or 0 for a free one.");
        }

        return ExitCodes.Success;
    }
}
