using Microsoft.Extensions.AI;
using VisualAgent.Drivers;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Models.Client;

/// <summary>
/// A multi-turn conversation with one model (the agent loop): the system prompt is sent once and stays byte-stable,
/// the history is append-only, and old screenshots are dropped in chunks — when the next turn would bring more than <see cref="MaxImages"/>
/// into the history, the oldest <see cref="MaxImages"/>/2 become a short text note — so a server's prefix cache (vLLM
/// hashes image content too) keeps matching between drops. Not thread-safe: one step at a time.
/// </summary>
public sealed class VlmSession(ModelCaller caller)
{
    public const string OmittedScreenshot = "[earlier screenshot omitted]";

    private readonly List<ChatMessage> _history = [];

    /// <summary>Screenshots kept in the history (default 4, at least 2).</summary>
    public int MaxImages { get; init; } = 4;

    public ModelCaller Caller => caller;

    public IReadOnlyList<ChatMessage> History => _history;

    /// <summary>Images currently in the history.</summary>
    public int ImageCount => _history.Sum(m => m.Contents.Count(c => c is DataContent));

    /// <summary>Sends the next user turn with the current screenshot(s); the reply (and any corrective turn) joins the history.</summary>
    public async Task<ModelCallResult> SendAsync(ModelTask task, IReadOnlyList<Screenshot> screenshots, CancellationToken cancellationToken = default)
    {
        DropOldImages(screenshots.Count);
        return await caller.ExchangeAsync(_history, task, screenshots, cancellationToken).ConfigureAwait(false);
    }

    public Task<ModelCallResult> SendAsync(ModelTask task, Screenshot screenshot, CancellationToken cancellationToken = default) =>
        SendAsync(task, [screenshot], cancellationToken);

    /// <summary>Forgets the conversation (a new task).</summary>
    public void Reset() => _history.Clear();

    /// <summary>Makes room for <paramref name="incoming"/> images: drops the oldest in a chunk of at least MaxImages/2.</summary>
    private void DropOldImages(int incoming)
    {
        var max = Math.Max(2, MaxImages);
        var over = ImageCount + incoming - max;
        if (over <= 0)
        {
            return;
        }

        var toDrop = Math.Max(over, max / 2);
        foreach (var message in _history)
        {
            for (var i = 0; i < message.Contents.Count && toDrop > 0; i++)
            {
                if (message.Contents[i] is DataContent)
                {
                    message.Contents[i] = new TextContent(OmittedScreenshot);
                    toDrop--;
                }
            }
        }
    }
}
