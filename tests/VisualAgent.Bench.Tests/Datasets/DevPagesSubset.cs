using VisualAgent.Bench.Datasets;

namespace VisualAgent.Tests.Datasets;

/// <summary>
/// A few devpages (../shared/devpages: W3C ARIA examples nobody here wrote) photographed once for the tests that need
/// them: the toolbar (icon-only buttons, disabled grey buttons), the two-state checkboxes (div checkboxes), the sortable
/// table ("First Name" beside "Last Name") and the rearrangeable listboxes (touching Up/Down buttons). Null when the
/// folder is absent.
/// </summary>
public sealed class DevPagesSubset : IAsyncLifetime
{
    public static readonly string[] Pages =
        ["toolbar/examples/toolbar.html", "checkbox/examples/checkbox.html", "table/examples/sortable-table.html", "listbox/examples/listbox-rearrangeable.html"];

    /// <summary>The message tests skip with when the folder is absent.</summary>
    public static string Absent => $"the devpages folder ({DevPagesFolder.Relative} above the repository) is not here: CI has it at ../shared";

    public PageFolderSetSummary? Set { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (DevPagesFolder.Find() is not { } pages)
        {
            return;
        }

        var options = new PageFolderSetOptions { Pages = Pages };
        Set = await PageFolderSetGenerator.GenerateAsync(pages, BrowserFixture.NewFolder("devpages-subset"), options, null, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
