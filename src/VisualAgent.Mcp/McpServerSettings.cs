using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace VisualAgent.Mcp;

/// <summary>What the MCP server is built from: the CLI's configuration and its loggers (stderr only), and the defaults of its tools.</summary>
public sealed record McpServerSettings
{
    public required IConfiguration Configuration { get; init; }

    public required ILoggerFactory Loggers { get; init; }

    /// <summary>The folder run_task writes runs to and the runs resources read (default Runs:Folder, ./runs).</summary>
    public required string RunsFolder { get; init; }

    /// <summary>The model profile of ground and run_task when a call names none (default "offline").</summary>
    public string DefaultModel { get; init; } = "offline";

    /// <summary>
    /// The longest wait for a person's answer to a confirmation asked through MCP elicitation (default 120 s); no answer
    /// in time is a denial, reported as such.
    /// </summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
