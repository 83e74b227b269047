namespace VisualAgent.Tests.Support;

/// <summary>A fresh folder under the temp directory, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string name = "e2e")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "va-cli-tests", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A fresh folder that is left in the temp directory (small command tests).</summary>
    public static string Fresh(string name = "cmd") => new TempFolder(name).Path;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("VA_KEEP_TEST_FOLDERS") == "1")
        {
            return; // for a person reading the run folders of a failed test
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not fail a test.
        }
    }
}
