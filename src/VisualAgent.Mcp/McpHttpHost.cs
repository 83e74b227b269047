using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VisualAgent.Mcp;

/// <summary>
/// `visual-agent mcp --http`: the same server over MCP's Streamable HTTP transport, on 127.0.0.1 only, every request
/// carrying a bearer token made at start (a local web page or another local user cannot call the tools: a request
/// without it, or whose Host is not the loopback address it listens on, gets 401/403 before MCP sees it).
/// </summary>
public static class McpHttpHost
{
    /// <summary>The path the MCP endpoint is mapped at.</summary>
    public const string Path = "/mcp";

    /// <summary>Serves until <paramref name="cancellationToken"/> fires; <paramref name="listening"/> gets the endpoint URL and the token once bound.</summary>
    public static async Task RunAsync(McpServerSettings settings, int port, string? token, Action<string, string> listening, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var services = new McpServices(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(settings.Loggers);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddMcpServer(options => VisualAgentMcpServer.Configure(options, services)).WithHttpTransport();
        var app = builder.Build();
        var expected = "Bearer " + token;
        app.Use(async (context, next) =>
        {
            if (!IsLoopbackHost(context.Request.Host.Host))
            {
                // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach the tools.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Host must be 127.0.0.1 or localhost.", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), System.Text.Encoding.UTF8.GetBytes(expected)))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("Send the header 'Authorization: Bearer TOKEN' with the token visual-agent mcp --http printed.", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.MapMcp(Path);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? $"http://127.0.0.1:{port}";
            listening(address.TrimEnd('/') + Path, token);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsLoopbackHost(string host) =>
        host is "127.0.0.1" or "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
