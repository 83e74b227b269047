namespace VisualAgent.Models.LlamaSharp;

/// <summary>A hold on a shared <see cref="LlamaModel"/>; disposing the last one releases the model.</summary>
public sealed class LlamaModelLease(LlamaModel model, Action release) : IDisposable
{
    private int _disposed;

    public LlamaModel Model => Volatile.Read(ref _disposed) == 0 ? model : throw new ObjectDisposedException(nameof(LlamaModelLease));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            release();
        }
    }
}
