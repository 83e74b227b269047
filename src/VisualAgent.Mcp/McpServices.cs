using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Drivers.Web;
using VisualAgent.Errors;
using VisualAgent.Hosting;
using VisualAgent.Models.Client;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Mcp;

/// <summary>
/// What the tools share for the server's lifetime: the live page (one browser, opened on first use, one operation at a
/// time) and the model profiles opened so far (a profile is opened once and reused across calls).
/// </summary>
internal sealed class McpServices(McpServerSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _pageGate = new(1, 1);
    private readonly SemaphoreSlim _modelGate = new(1, 1);
    private readonly ConcurrentDictionary<string, ModelStack> _models = new(StringComparer.OrdinalIgnoreCase);
    private BrowserSession? _page;

    public McpServerSettings Settings { get; } = settings;

    public IConfiguration Configuration => Settings.Configuration;

    public BrowserOptions ReadBrowserOptions(string? downloadsDir = null)
    {
        var options = Configuration.GetSection(BrowserOptions.SectionName).Get<BrowserOptions>() ?? new BrowserOptions();
        options.DownloadsDir = downloadsDir ?? options.DownloadsDir;
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        return options;
    }

    /// <summary>
    /// Runs <paramref name="body"/> on the live page, alone. With <paramref name="url"/> the page goes there first (the
    /// browser opens on first use; samples:PATH starts the samples server); with none there must already be a page.
    /// </summary>
    public async Task<T> WithPageAsync<T>(string? url, Func<BrowserSession, Task<T>> body, CancellationToken ct)
    {
        await _pageGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_page is null)
            {
                if (url is null)
                {
                    throw new UsageException("No page is open yet: give a url (http(s)://, a file, or samples:PATH) to open one, or an image_path to work on a file.");
                }

                // The samples server starts when the first URL names it; "samples:" keeps one ready for later calls too.
                _page = await BrowserSession.OpenAsync(ReadBrowserOptions(), "samples:", Settings.Loggers, navigate: false, ct).ConfigureAwait(false);
            }

            if (url is not null)
            {
                await _page.Driver.NavigateAsync(_page.ResolveUrl(url), ct).ConfigureAwait(false);
            }

            return await body(_page).ConfigureAwait(false);
        }
        finally
        {
            _pageGate.Release();
        }
    }

    /// <summary>The model profile opened once (a real endpoint is probed first, so an unserved model fails fast).</summary>
    public async Task<ModelStack> ModelAsync(string? profileName, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(profileName) ? Settings.DefaultModel : profileName.Trim();
        if (_models.TryGetValue(name, out var open))
        {
            return open;
        }

        await _modelGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_models.TryGetValue(name, out open))
            {
                return open;
            }

            var profile = ModelProfiles.FromConfiguration(Configuration).Get(name);
            var options = ModelStackOptions.FromConfiguration(Configuration) with
            {
                ClientOptions = new ModelClientOptions { Logger = Settings.Loggers.CreateLogger("VisualAgent.Models.Client") },
                ProbeTimeout = TimeSpan.FromSeconds(3),
                Loggers = Settings.Loggers,
            };
            var stack = await ModelStack.OpenAsync(profile, options, ct).ConfigureAwait(false);
            _models[name] = stack;
            return stack;
        }
        finally
        {
            _modelGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var stack in _models.Values)
        {
            await stack.DisposeAsync().ConfigureAwait(false);
        }

        _pageGate.Dispose();
        _modelGate.Dispose();
    }
}
