using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using VisualAgent.Errors;

namespace VisualAgent.Simulator.Samples;

/// <summary>
/// Serves the static sample apps (samples/web) over HTTP on 127.0.0.1: no caching, correct MIME types,
/// index.html for directories, and <c>/__health</c> answering "ok".
/// </summary>
public sealed class SamplesServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SamplesServer(WebApplication app, string root, Uri baseUri)
    {
        _app = app;
        Root = root;
        BaseUri = baseUri;
    }

    /// <summary>The folder being served.</summary>
    public string Root { get; }

    /// <summary>The server's address, ending with "/", e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary><see cref="BaseUri"/> as text, ending with "/".</summary>
    public string BaseUrl => BaseUri.AbsoluteUri;

    /// <summary>The absolute URL of a path under the root, e.g. <c>Url("forms/")</c>.</summary>
    public string Url(string relativePath) => new Uri(BaseUri, relativePath.TrimStart('/')).AbsoluteUri;

    /// <summary>
    /// Starts serving <paramref name="root"/> (default: samples/web beside the executable, else the repository's
    /// samples/web found by walking up) on 127.0.0.1:<paramref name="port"/> (0 picks a free port).
    /// </summary>
    public static async Task<SamplesServer> StartAsync(string? root = null, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var folder = SamplesRoot.Resolve(root);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();

        var files = new PhysicalFileProvider(folder);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".jsonl"] = "application/jsonl";
        types.Mappings[".md"] = "text/markdown; charset=utf-8";
        types.Mappings[".csv"] = "text/csv; charset=utf-8";
        types.Mappings[".webp"] = "image/webp";

        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.CacheControl = "no-store, no-cache, must-revalidate";
                headers.Pragma = "no-cache";
                headers.Expires = "0";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        app.MapGet("/__health", static () => Results.Text("ok", "text/plain"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RedirectToAppendTrailingSlash = true });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new EnvironmentMissingException($"The samples server cannot listen on 127.0.0.1:{port}: {ex.Message} Choose another port (0 picks a free one).", ex);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        return new SamplesServer(app, folder, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
