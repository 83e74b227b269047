using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VisualAgent.Errors;
using VisualAgent.Ui.Assets;
using VisualAgent.Ui.Playground;

namespace VisualAgent.Ui.Server;

/// <summary>
/// The web UI: ASP.NET Core minimal APIs on 127.0.0.1 (or the given address, then behind a random token), the pages
/// from this assembly. Start it, print <see cref="Url"/>, and dispose it to stop.
/// </summary>
public sealed class UiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly UiServices _services;

    private UiServer(WebApplication app, UiServices services, Uri baseUri, string? token)
    {
        _app = app;
        _services = services;
        BaseUri = baseUri;
        Token = token;
    }

    /// <summary>Where the server listens, ending with "/".</summary>
    public Uri BaseUri { get; }

    /// <summary>The token a non-loopback bind requires; null on 127.0.0.1.</summary>
    public string? Token { get; }

    /// <summary>The URL to open: the base, with the token when there is one.</summary>
    public string Url => Token is null ? BaseUri.AbsoluteUri : BaseUri.AbsoluteUri + "?token=" + Token;

    public static async Task<UiServer> StartAsync(UiSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Port is < 0 or > 65535)
        {
            throw new UsageException($"--port {settings.Port} is out of range: give 0..65535 (0 picks a free port).");
        }

        var loopback = AccessGuard.IsLoopback(settings.Bind);
        if (!loopback && !IPAddress.TryParse(settings.Bind, out _))
        {
            throw new UsageException($"--bind '{settings.Bind}' is not an IP address: give 127.0.0.1 (default), another local address, or 0.0.0.0 for every interface.");
        }

        var guard = new AccessGuard(loopback ? null : AccessGuard.NewToken());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(settings.Loggers);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = (settings.MaxUploadBytes * 8) + (1 << 20));
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = (settings.MaxUploadBytes * 8) + (1 << 20));
        var host = settings.Bind == "localhost" ? "127.0.0.1" : settings.Bind;
        builder.WebHost.UseUrls($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{settings.Port}");
        var app = builder.Build();
        var services = new UiServices(settings);
        app.Use((context, next) => ErrorMiddleware.InvokeAsync(context, () => next(context), services.Logger));
        app.Use((context, next) => guard.InvokeAsync(context, () => next(context)));
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
            return next(context);
        });
        MapPages(app);
        PlaygroundEndpoints.Map(app, services);
        Codegen.CodegenEndpoints.Map(app, services);
        Runs.RunsEndpoints.Map(app, services);
        Bench.BenchEndpoints.Map(app, services);
        app.MapFallback((HttpContext context) => Results.Json(new { error = $"There is nothing at {context.Request.Path}: the pages are / (playground), /runs and /bench." }, statusCode: StatusCodes.Status404NotFound));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await services.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"Cannot listen on {settings.Bind}:{settings.Port} ({ex.Message}): pick another --port (0 picks a free one).", ex);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UiServer(app, services, new Uri(address.TrimEnd('/') + "/"), guard.Token);
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", () => StaticAssets.Serve("playground.html"));
        app.MapGet("/runs", () => StaticAssets.Serve("runs.html"));
        app.MapGet("/bench", () => StaticAssets.Serve("bench.html"));
        app.MapGet("/assets/{name}", (string name) => StaticAssets.Serve(name));
        app.MapGet("/api/health", () => Results.Json(new { ok = true }));
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled (Ctrl-C).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal end.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
