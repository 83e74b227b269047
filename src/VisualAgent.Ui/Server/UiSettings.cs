using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace VisualAgent.Ui.Server;

/// <summary>What the UI server is built from: the CLI's configuration and loggers, where it listens, and the folders it reads and writes.</summary>
public sealed record UiSettings
{
    public required IConfiguration Configuration { get; init; }

    public required ILoggerFactory Loggers { get; init; }

    /// <summary>Address to listen on (default 127.0.0.1). Any other address than a loopback one requires the printed token.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>Port (0 picks a free one).</summary>
    public int Port { get; init; }

    /// <summary>The folder of run folders the Runs page lists (Runs:Folder, ./runs).</summary>
    public required string RunsFolder { get; init; }

    /// <summary>The folder bench outputs are written to and listed from (Bench:Output, ./bench-out).</summary>
    public required string BenchFolder { get; init; }

    /// <summary>Where saved conversations go (Ui:DataFolder; default the user's local data folder, visual-agent/ui).</summary>
    public required string DataFolder { get; init; }

    /// <summary>The largest image accepted by an upload (Ui:MaxUploadMegabytes, default 20 MB).</summary>
    public long MaxUploadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Uploaded images kept in memory at most (oldest dropped first; saved conversations keep their own copies).</summary>
    public long MaxStoredImageBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The user's local data folder of the product, visual-agent/ui (beside the bench cache).</summary>
    public static string DefaultDataFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "visual-agent", "ui");
}
