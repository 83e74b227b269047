using Microsoft.Extensions.Logging;
using VisualAgent.Ui.Bench;
using VisualAgent.Ui.Playground;
using VisualAgent.Ui.Runs;

namespace VisualAgent.Ui.Server;

/// <summary>What the endpoints share for the server's lifetime.</summary>
internal sealed class UiServices : IAsyncDisposable
{
    public UiServices(UiSettings settings)
    {
        Settings = settings;
        Images = new ImageStore(settings.MaxUploadBytes, settings.MaxStoredImageBytes);
        Models = new ModelStackCache(settings.Configuration, settings.Loggers);
        Conversations = new ConversationStore(settings.DataFolder, Images);
        Bench = new BenchJobs(settings, Models);
        Jobs = new RunJobs(settings, Models);
        Logger = settings.Loggers.CreateLogger("VisualAgent.Ui");
    }

    public UiSettings Settings { get; }

    public ImageStore Images { get; }

    public ModelStackCache Models { get; }

    public ConversationStore Conversations { get; }

    public BenchJobs Bench { get; }

    /// <summary>Runs and replays started from the pages, one at a time.</summary>
    public RunJobs Jobs { get; }

    public ILogger Logger { get; }

    public async ValueTask DisposeAsync()
    {
        Bench.Dispose();
        Jobs.Dispose();
        await Models.DisposeAsync().ConfigureAwait(false);
    }
}
