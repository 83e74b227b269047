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

    public static Command Create()
    {
        var command = new Command("mcp", """
            Serve the agent as a Model Context Protocol server on stdio, for an assistant (Claude Desktop, VS Code, any MCP client).
            Tools: screenshot, ground, ocr, act, run_task, bench_score. Resources: visualagent://runs, visualagent://runs/{id}[/steps|/report].
            Risky steps are asked through elicitation when the client supports it, else denied and reported. Logs go to stderr.
            Example client configuration: {"command": "/path/to/visual-agent", "args": ["mcp"]}
            """);
        command.Options.Add(ModelOption);
        command.Options.Add(RunsOption);
        command.Options.Add(ConfirmTimeoutOption);
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
        await VisualAgentMcpServer.RunStdioAsync(new McpServerSettings
        {
            Configuration = context.Configuration,
            Loggers = context.Loggers,
            RunsFolder = Path.GetFullPath(runsRoot),
            DefaultModel = context.Get(ModelOption)!,
            ConfirmationTimeout = TimeSpan.FromSeconds(seconds),
        }, ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
