using System.Text.Json;
using VisualAgent.Agent.Runs;
using VisualAgent.Runs;
using VisualAgent.Tests.Fakes;

namespace VisualAgent.Tests.Runs;

public sealed class RunStoreTests
{
    private static RunRecord Record(string id) =>
        new() { Id = id, Goal = "check Lettuce", Model = "offline", StartedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public async Task CreateAsync_SameIdTwice_SecondGetsSuffixAndItsRunJsonSaysSo()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        const string Id = "20260101-120000-check-lettuce";

        await using var first = await store.CreateAsync(Record(Id), cancellationToken: TestContext.Current.CancellationToken);
        await using var second = await store.CreateAsync(Record(Id), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Id, first.Id);
        Assert.Equal(Id + "-2", second.Id);
        Assert.Equal(Id + "-2", Path.GetFileName(second.Folder));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second.Folder, "run.json"), TestContext.Current.CancellationToken));
        Assert.Equal(Id + "-2", json.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateAsync_ManyRunsWithOneIdAtOnce_EachGetsItsOwnFolder()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        const string Id = "20260101-120000-in-the-sandwich-condiments-list";

        var writers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.CreateAsync(Record(Id), cancellationToken: TestContext.Current.CancellationToken))));
        try
        {
            Assert.Equal(16, writers.Select(w => w.Folder).Distinct(StringComparer.Ordinal).Count());
            Assert.All(writers, w => Assert.Equal(Path.GetFileName(w.Folder), w.Id));
        }
        finally
        {
            foreach (var w in writers)
            {
                await w.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task WriteRunAsync_RecordWithTheRequestedId_IsWrittenUnderTheClaimedId()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        const string Id = "20260101-120000-x";
        await using var taken = await store.CreateAsync(Record(Id), cancellationToken: TestContext.Current.CancellationToken);
        await using var writer = await store.CreateAsync(Record(Id), cancellationToken: TestContext.Current.CancellationToken);

        // The loop keeps the id it asked for; what it writes later must still name the folder it got.
        await writer.WriteRunAsync(Record(Id) with { Status = RunStatus.Succeeded }, TestContext.Current.CancellationToken);

        Assert.Equal(Id + "-2", writer.Run!.Id);
        Assert.Equal(Id + "-2", Path.GetFileName(store.ResolveFolder("latest")));
    }
}
