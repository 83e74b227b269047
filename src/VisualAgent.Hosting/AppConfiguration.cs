using Microsoft.Extensions.Configuration;
using VisualAgent.Errors;

namespace VisualAgent.Hosting;

/// <summary>
/// Configuration sources, later ones winning: appsettings.json beside the
/// executable, then appsettings.json in the working directory or the file given by --config, then environment
/// variables (VISUALAGENT__Section__Key), then CLI options (applied by each verb).
/// </summary>
public static class AppConfiguration
{
    public const string EnvironmentPrefix = "VISUALAGENT__";

    public static IConfigurationRoot Load(string? configPath)
    {
        var builder = new ConfigurationBuilder();
        var besideExe = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        builder.AddJsonFile(besideExe, optional: true, reloadOnChange: false);

        if (configPath is not null)
        {
            var full = Path.GetFullPath(configPath);
            if (!File.Exists(full))
            {
                throw new UsageException($"The config file '{configPath}' does not exist: give the path of an appsettings-style JSON file.");
            }

            AddJson(builder, full);
        }
        else
        {
            var inCwd = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
            if (File.Exists(inCwd) && !string.Equals(Path.GetFullPath(inCwd), Path.GetFullPath(besideExe), StringComparison.Ordinal))
            {
                AddJson(builder, inCwd);
            }
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw new UsageException($"The configuration could not be read: {ex.Message} Fix the file, or pass another with --config.", ex);
        }
    }

    private static void AddJson(ConfigurationBuilder builder, string path)
    {
        try
        {
            // Parse once up front so a broken file gets a message with its path instead of a stack trace.
            using var stream = File.OpenRead(path);
            using var _ = System.Text.Json.JsonDocument.Parse(stream, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new UsageException($"The config file '{path}' is not valid JSON ({ex.Message}). Fix it or pass another with --config.", ex);
        }

        builder.AddJsonFile(path, optional: false, reloadOnChange: false);
    }
}
