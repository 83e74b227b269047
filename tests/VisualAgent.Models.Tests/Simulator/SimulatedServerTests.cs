using System.Text.Json;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;

namespace VisualAgent.Tests.Simulator;

public sealed class SimulatedServerTests
{
    [Fact]
    public async Task StartAsync_FreeLoopbackPort_ServesModelListMarkedSimulated()
    {
        await using var server = new SimulatedServer(DialectRegistry.Get("qwen3-vl"));
        server.AddModel("Qwen/Qwen3-VL-8B-Instruct");
        await server.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        var json = await http.GetStringAsync(new Uri(server.BaseUrl + "/models"), TestContext.Current.CancellationToken);

        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(":0/", server.BaseUrl, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var ids = doc.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["qwen3-vl", "Qwen/Qwen3-VL-8B-Instruct"], ids);
        Assert.All(doc.RootElement.GetProperty("data").EnumerateArray(), m => Assert.True(m.GetProperty("simulated").GetBoolean()));
    }

    [Fact]
    public async Task DisposeAsync_WhileARequestHangs_StopsPromptly()
    {
        var server = new SimulatedServer(new FakeClickDialect());
        await server.StartAsync(TestContext.Current.CancellationToken);
        server.InjectFault(new SimulatedFault(SimulatedFaultKind.Hang));
        using var http = new HttpClient();
        using var body = new StringContent("""{"model":"fake","messages":[{"role":"user","content":"x"}]}""");
        var pending = http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), body, TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"stopping took {watch.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(async () => (await pending).EnsureSuccessStatusCode());
    }
}
