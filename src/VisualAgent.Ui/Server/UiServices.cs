using Microsoft.Extensions.Logging;
using VisualAgent.Ui.Playground;

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
        Logger = settings.Loggers.CreateLogger("VisualAgent.Ui");
    }

    public UiSettings Settings { get; }

    public ImageStore Images { get; }

    public ModelStackCache Models { get; }

    public ConversationStore Conversations { get; }

    public ILogger Logger { get; }

    public async ValueTask DisposeAsync() => await Models.DisposeAsync().ConfigureAwait(false);
}
