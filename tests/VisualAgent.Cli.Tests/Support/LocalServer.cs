using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VisualAgent.Tests.Support;

/// <summary>
/// A small hostile web server on 127.0.0.1 for one test: each path answers with a handler the test gives, and every
/// request is counted (method and path), so a test can prove what reached it and how often.
/// </summary>
internal sealed class LocalServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly CancellationTokenSource _stop = new();

    private LocalServer(int port)
    {
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT (no trailing slash).</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    public static LocalServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LocalServer(port);
    }

    public string Url(string path) => Origin + path;

    /// <summary>"METHOD /path" of every request so far, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _log];

    public int Hits(string path) => _log.Count(l => l.EndsWith(" " + path, StringComparison.Ordinal));

    public LocalServer Map(string path, Func<HttpListenerContext, Task> handler)
    {
        _routes[path] = handler;
        return this;
    }

    public LocalServer Html(string path, string html) => Map(path, c => WriteAsync(c, html, "text/html; charset=utf-8"));

    public static async Task WriteAsync(HttpListenerContext context, string body, string type)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _log.Enqueue($"{context.Request.HttpMethod} {path}");
        try
        {
            if (_routes.TryGetValue(path, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = path == "/favicon.ico" ? 204 : 404;
                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The browser went away mid-answer (a cancelled download, a closed page).
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
