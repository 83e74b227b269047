using System.Diagnostics;
using System.Net;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Mcp;

/// <summary>`visual-agent mcp --http`: the same tools over Streamable HTTP on 127.0.0.1, behind a bearer token.</summary>
public sealed class McpHttpTests
{
    [Fact]
    public async Task Http_WithTheToken_ListsAndCallsTools_WithoutIt_Refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder("mcp-http");
        using var server = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepoPaths.CliDll, "mcp", "--http", "--port", "0", "--runs", Path.Combine(folder.Path, "runs") },
            WorkingDirectory = folder.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["NO_COLOR"] = "1", ["CI"] = "true" },
        })!;
        try
        {
            var (url, token) = await ReadEndpointAsync(server, ct);
            await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(url),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            }), cancellationToken: ct);
            var tools = await client.ListToolsAsync(cancellationToken: ct);
            var missing = await client.CallToolAsync("bench_score", new Dictionary<string, object?> { ["predictions_path"] = "nowhere.jsonl" }, cancellationToken: ct);

            using var http = new HttpClient();
            var anonymous = await http.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"), ct);
            using var wrong = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            wrong.Headers.Authorization = new("Bearer", "not-the-token");
            var wrongToken = await http.SendAsync(wrong, ct);
            using var rebound = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            rebound.Headers.Authorization = new("Bearer", token);
            rebound.Headers.Host = "attacker.example";
            var reboundHost = await http.SendAsync(rebound, ct);

            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            Assert.Equal(8, tools.Count);
            Assert.Contains(tools, t => t.Name == "run_task");
            Assert.True(missing.IsError);
            Assert.Contains("does not exist", string.Join("\n", missing.Content.OfType<TextContentBlock>().Select(t => t.Text)), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, reboundHost.StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(ct);
        }
    }

    [Fact]
    public async Task Http_PortWithoutHttp_IsAUsageError()
    {
        using var folder = new TempFolder("mcp-http");
        var (exitCode, _, stderr) = await CliProcess.RunAsync(folder.Path, "mcp", "--port", "8080");

        Assert.Equal(2, exitCode);
        Assert.Contains("--port and --token-env belong to --http", stderr, StringComparison.Ordinal);
    }

    private static async Task<(string Url, string Token)> ReadEndpointAsync(Process server, CancellationToken ct)
    {
        string? url = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await server.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("MCP Streamable HTTP on ", StringComparison.Ordinal))
            {
                url = line["MCP Streamable HTTP on ".Length..].Trim();
            }
            else if (url is not null && line.StartsWith("Authorization: Bearer ", StringComparison.Ordinal))
            {
                return (url, line["Authorization: Bearer ".Length..].Trim());
            }
        }

        throw new Xunit.Sdk.XunitException($"the server exited before it printed its endpoint (exit {(server.HasExited ? server.ExitCode : -1)})");
    }
}
