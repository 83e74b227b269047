using System.Net;
using System.Net.Sockets;
using VisualAgent.Agent.Policy;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;
using VisualAgent.Vision;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// A secret stays on its origin: a hostile page on the start origin cannot get it typed into a form that posts
/// elsewhere, cannot send it (or anything, once a secret was typed) to another origin, cannot take the page there, and
/// cannot show it on screen to the screenshots or to a model. Each attack runs for real in Chromium against a
/// collector on another origin (127.0.0.1, another port) that counts what reaches it.
/// </summary>
public sealed class SecretOriginTests(E2eFixture fixture)
{
    private const string Secret = "Zebra-7731-Kiwi";

    [Fact]
    public async Task Run_FormPostsToAnotherOrigin_SecretIsNotTypedAndNothingLeaves()
    {
        using var collector = Collector.Start();
        await using var agent = Agent();

        var result = await agent.RunAsync("type \"{{secret:VA_PW}}\" into the Password field; click \"Sign in\"", Page(collector), TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Contains("form sends what is typed to " + collector.Origin, result.Record.Reason, StringComparison.Ordinal);
        Assert.Equal("\"\"", await agent.Driver!.EvaluateAsync("document.getElementById('pw').value", TestContext.Current.CancellationToken));
        Assert.Equal(0, collector.Requests);
    }

    [Fact]
    public async Task Run_CollectorOriginAllowed_ThePostArrives()
    {
        // Control for the tests here: with the collector's origin allowed, the same page's form does reach it.
        using var collector = Collector.Start();
        await using var agent = Agent();
        agent.Policy = new PolicyOptions { AllowLocalhost = false, AllowedOrigins = [collector.Origin] };

        await agent.RunAsync("type \"{{secret:VA_PW}}\" into the Password field; click \"Sign in\"", Page(collector), TestContext.Current.CancellationToken);

        Assert.True(collector.Requests >= 1, "the collector saw no request: the tests that count 0 would prove nothing");
    }

    [Fact]
    public async Task Run_PageReportsKeystrokesElsewhere_RequestsAreBlockedBeforeTheyLeave()
    {
        using var collector = Collector.Start();
        await using var agent = Agent();

        var result = await agent.RunAsync("type \"{{secret:VA_PW}}\" into the Token field", Page(collector), TestContext.Current.CancellationToken);

        // The page's script ran for every keystroke (the control below), and not one of its requests reached the collector.
        Assert.Equal($"\"{Secret}\"", await agent.Driver!.EvaluateAsync("document.getElementById('token').value", TestContext.Current.CancellationToken));
        Assert.Equal(0, collector.Requests);
        var notes = string.Join("\n", RunFolder.Steps(result.Folder).Select(s => RunFolder.String(s, "description")));
        Assert.Contains("blocked before it left", notes, StringComparison.Ordinal);
        Assert.Contains(collector.Origin, notes, StringComparison.Ordinal);
        Assert.Empty(RunFolder.FilesContaining(result.Folder, Secret));
    }

    [Fact]
    public async Task Run_ClickSendsThePageToAnotherOrigin_StepIsBlockedAndTheRequestNeverArrives()
    {
        using var collector = Collector.Start();
        await using var agent = Agent();

        var result = await agent.RunAsync("click \"Continue\"", Page(collector), TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Contains("tried to go to " + collector.Origin, result.Record.Reason, StringComparison.Ordinal);
        Assert.Equal(0, collector.Requests);
        Assert.StartsWith(fixture.Samples.BaseUrl, agent.Driver!.CurrentUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PageEchoesTheSecret_EveryScreenshotBlanksTheEcho()
    {
        await using var agent = Agent();

        var result = await agent.RunAsync("type \"{{secret:VA_PW}}\" into the Password field; wait for 1 seconds", fixture.Samples.Url("hostile/echo-secret.html"), TestContext.Current.CancellationToken);

        Assert.True(result.Record.Status == RunStatus.Succeeded, result.Record.Reason);
        // Control: the page shows the secret in plain text, and OCR reads it off an unmasked capture.
        var raw = await agent.Driver!.CaptureAsync(TestContext.Current.CancellationToken);
        Assert.Contains(Secret, await ReadAsync(raw.Png.ToArray()), StringComparison.Ordinal);
        // The run's own screenshots after the typing (step 2's observation, the final screen) do not show it.
        foreach (var shot in new[] { "shots/002.png", "shots/final.png" })
        {
            var path = Path.Combine(result.Folder, shot);
            Assert.True(File.Exists(path), $"{shot} was not saved");
            var text = await ReadAsync(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
            Assert.Contains("Preview", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Zebra", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("7731", text, StringComparison.Ordinal);
        }
    }

    private AgentOnPage Agent()
    {
        var agent = new AgentOnPage(fixture) { Policy = new PolicyOptions { AllowLocalhost = false } };
        agent.Environment["VA_PW"] = Secret;
        return agent;
    }

    private string Page(Collector collector) => fixture.Samples.Url("hostile/exfil.html") + "?to=" + Uri.EscapeDataString(collector.Origin);

    private async Task<string> ReadAsync(byte[] png)
    {
        using var image = Image.Decode(png);
        var result = await fixture.Ocr.RecognizeAsync(image, cancellationToken: TestContext.Current.CancellationToken);
        return string.Join("\n", result.Lines.Select(l => l.Text));
    }

    /// <summary>Another origin on this machine that counts the HTTP requests reaching it (bytes received, not bare connections).</summary>
    private sealed class Collector : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private int _requests;

        private Collector(TcpListener listener) => _listener = listener;

        public string Origin => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public int Requests => Volatile.Read(ref _requests);

        public static Collector Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var collector = new Collector(listener);
            _ = collector.AcceptAsync();
            return collector;
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
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = ServeAsync(client);
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
                    var buffer = new byte[4096];
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    timeout.CancelAfter(TimeSpan.FromSeconds(10));
                    if (await stream.ReadAsync(buffer, timeout.Token) > 0)
                    {
                        Interlocked.Increment(ref _requests);
                        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray(), timeout.Token);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
                {
                    // a bare (speculative) connection, or the test ended
                }
            }
        }
    }
}
