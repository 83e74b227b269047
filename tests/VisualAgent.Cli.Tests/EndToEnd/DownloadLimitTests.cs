using System.Net;
using System.Net.Sockets;
using System.Text;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// A download larger than Browser:MaxDownloadMegabytes is cancelled while it arrives, the step says why at once, and
/// the file is fetched once: a retry never downloads it again.
/// </summary>
public sealed class DownloadLimitTests(E2eFixture fixture)
{
    [Fact]
    public async Task Run_DownloadPastTheCap_IsCancelledOnceWithItsReason()
    {
        using var site = BigFileSite.Start(megabytes: 40);
        await using var agent = new AgentOnPage(fixture) { Browser = o => o.MaxDownloadMegabytes = 4 };

        var result = await agent.RunAsync("click \"Get the file\"; wait for the download", site.Url, TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Failed, result.Record.Status);
        Assert.Contains("grew past 4 MB", result.Record.Reason, StringComparison.Ordinal);
        Assert.Equal(1, site.FileRequests);
        Assert.False(site.SentWhole, "the whole file was sent: the download was not cancelled");
        Assert.False(Directory.Exists(Path.Combine(result.Folder, "downloads")) && Directory.EnumerateFiles(Path.Combine(result.Folder, "downloads")).Any(), "a partial download was kept");
    }

    /// <summary>A page with one download link, on 127.0.0.1, whose file is streamed slowly enough to be watched.</summary>
    private sealed class BigFileSite : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly int _megabytes;
        private int _fileRequests;
        private volatile bool _sentWhole;

        private BigFileSite(TcpListener listener, int megabytes) => (_listener, _megabytes) = (listener, megabytes);

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

        public int FileRequests => Volatile.Read(ref _fileRequests);

        public bool SentWhole => _sentWhole;

        public static BigFileSite Start(int megabytes)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var site = new BigFileSite(listener, megabytes);
            _ = site.AcceptAsync();
            return site;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    _ = ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // stopped
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    var requestLine = Encoding.ASCII.GetString(buffer, 0, read).Split('\n')[0];
                    if (requestLine.StartsWith("GET /big.bin", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _fileRequests);
                        var total = (long)_megabytes * 1024 * 1024;
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\nContent-Length: {total}\r\nConnection: close\r\n\r\n"), _stop.Token);
                        var chunk = new byte[256 * 1024];
                        for (long sent = 0; sent < total; sent += chunk.Length)
                        {
                            await stream.WriteAsync(chunk, _stop.Token);
                            await Task.Delay(25, _stop.Token);
                        }

                        _sentWhole = true;
                        return;
                    }

                    var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>Files</title></head>"
                        + "<body><h1>Files</h1><p><a href=\"/big.bin\" download>Get the file</a></p></body></html>";
                    var body = Encoding.UTF8.GetBytes(html);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
                {
                    // the browser cancelled the download, or the test ended
                }
            }
        }
    }
}
