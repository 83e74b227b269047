using OpenCvSharp;

namespace VisualAgent.Vision.Native;

/// <summary>An OpenCvSharp <see cref="Mat"/> that counts itself in <see cref="NativeDiagnostics"/> until its native
/// memory is released (by Dispose, or by the finalizer when a caller forgot: the count then shows the leak).</summary>
internal sealed class CountedMat : Mat
{
    private int _released;

    public CountedMat()
    {
        NativeDiagnostics.Created();
    }

    protected override void DisposeUnmanaged()
    {
        base.DisposeUnmanaged();
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            NativeDiagnostics.Released();
        }
    }
}
