using VisualAgent.Errors;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// An exclusive lock on a bench output folder for the length of one `bench run`, so two runs never interleave their
/// result lines. The lock is the operating system's on an open file (.lock in the folder), so it goes away with the
/// process, even after kill -9; the file itself stays and is harmless.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _stream;

    private OutputLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Takes the lock or throws <see cref="UsageException"/> at once when another run holds it.</summary>
    public static OutputLock Acquire(string outDir)
    {
        var path = Path.Combine(outDir, FileName);
        try
        {
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        catch (IOException ex)
        {
            throw new UsageException(
                $"Another 'bench run' is writing to {outDir} (it holds {path}): two runs on one --out folder would mix their results. Wait for it to finish, or give another --out folder.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
