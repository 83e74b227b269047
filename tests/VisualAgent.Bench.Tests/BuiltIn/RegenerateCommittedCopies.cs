using VisualAgent.Bench.BuiltIn;
using VisualAgent.Tests.Datasets;

namespace VisualAgent.Tests.BuiltIn;

/// <summary>
/// Rewrites samples/bench/&lt;id&gt;/ in the repository. Explicit: run it after changing a scene, with
/// <c>dotnet run --project tests/VisualAgent.Bench.Tests -- -explicit only -class VisualAgent.Tests.BuiltIn.RegenerateCommittedCopies</c>.
/// </summary>
public sealed class RegenerateCommittedCopies(BrowserFixture fixture)
{
    [Fact(Explicit = true)]
    public async Task Regenerate_AllBuiltInSuites_WritesThemIntoTheRepository()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VisualAgent.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        foreach (var id in BuiltInSuites.Ids)
        {
            var folder = Path.Combine(root.FullName, "samples", "bench", id);
            var file = await BuiltInSuites.GenerateAsync(id, folder, fixture.Browser, TestContext.Current.CancellationToken);
            File.Delete(Path.Combine(folder, BuiltInSuites.CompleteMarker));
            Assert.True(File.Exists(file));
        }
    }
}
