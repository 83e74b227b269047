namespace VisualAgent.Codegen.Verification;

/// <summary>Where a verified script runs: the app's base URL, the browser, secrets' variables and a time bound.</summary>
public sealed record VerifyEnvironment
{
    /// <summary>BASE_URL for the script (the samples server's address when the run used it); null keeps the recorded one.</summary>
    public string? BaseUrl { get; init; }

    public string? BrowserPath { get; init; }

    /// <summary>Extra environment variables (the process's own are inherited, secrets among them).</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; init; } = new Dictionary<string, string?>();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(4);
}
