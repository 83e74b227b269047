using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>`run --url` loads the start page once: beforeunload handlers and one-time links must not fire twice.</summary>
public sealed class StartUrlTests
{
    [Fact]
    public async Task Run_StartUrl_IsRequestedOnce()
    {
        using var work = new TempFolder("start-once");
        using var server = LocalServer.Start().Html("/once", "<!DOCTYPE html><title>Once</title><h1>Welcome back</h1>");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(work.Path, new Dictionary<string, string> { ["CI"] = "true" }, TimeSpan.FromSeconds(90),
            "run", "--url", server.Url("/once"), "--runs", "runs", "verify \"Welcome back\"");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Equal(1, server.Hits("/once"));
    }
}
