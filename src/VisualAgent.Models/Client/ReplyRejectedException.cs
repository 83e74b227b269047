namespace VisualAgent.Models.Client;

/// <summary>
/// Thrown while a reply is being received when it cannot be a model's reply (too large, an HTML page, not streamed as
/// asked). An <see cref="IOException"/> so the SDK passes it through; the client turns it into a <see cref="ModelCallFailure"/>.
/// </summary>
internal sealed class ReplyRejectedException(ModelFailureKind kind, string message) : IOException(message)
{
    public ModelFailureKind Kind { get; } = kind;

    /// <summary>The first one in <paramref name="ex"/>'s chain of inner exceptions, if any.</summary>
    public static ReplyRejectedException? Find(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is ReplyRejectedException r)
            {
                return r;
            }
        }

        return null;
    }
}
